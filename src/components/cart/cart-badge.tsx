"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { CartIcon } from "@/components/cart/cart-icon";
import { CART_CHANGED_EVENT, fetchCart, type CartChangedEvent } from "@/components/cart/cart-client";

/** The header's cart link with the number of units in the cart. */
export function CartBadge() {
  const [count, setCount] = useState<number | null>(null);

  useEffect(() => {
    let alive = true;
    // Every change bumps the version: a read that started before it is stale when it lands.
    let version = 0;
    const refresh = () => {
      const started = ++version;
      fetchCart().then(
        (cart) => alive && started === version && setCount(cart.count),
        () => undefined, // the badge stays as it was; the cart page shows the error
      );
    };
    const onChange = (event: Event) => {
      const cart = (event as CartChangedEvent).detail;
      if (!cart) return refresh();
      version += 1;
      setCount(cart.count);
    };
    refresh();
    window.addEventListener(CART_CHANGED_EVENT, onChange);
    return () => {
      alive = false;
      window.removeEventListener(CART_CHANGED_EVENT, onChange);
    };
  }, []);

  const label = count === null ? "Cart" : `Cart, ${count} ${count === 1 ? "item" : "items"}`;
  return (
    <Link
      href="/cart"
      aria-label={label}
      className="relative flex size-10 items-center justify-center rounded-full text-cocoa-800 hover:bg-sand-100"
      data-testid="cart-badge"
    >
      <CartIcon className="size-6" />
      {count ? (
        <span
          aria-hidden="true"
          data-testid="cart-count"
          className="absolute -top-0.5 -right-0.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-ember-600 px-1 text-[11px] leading-none font-bold text-white"
        >
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
