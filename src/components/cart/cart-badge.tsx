"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { CART_CHANGED_EVENT, fetchCart, type CartChangedEvent } from "@/components/cart/cart-client";

/** The header's cart link with the number of units in the cart. */
export function CartBadge() {
  const [count, setCount] = useState<number | null>(null);

  useEffect(() => {
    let alive = true;
    const refresh = () =>
      fetchCart().then(
        (cart) => alive && setCount(cart.count),
        () => undefined, // the badge stays as it was; the cart page shows the error
      );
    const onChange = (event: Event) => {
      const cart = (event as CartChangedEvent).detail;
      if (cart) setCount(cart.count);
      else void refresh();
    };
    void refresh();
    window.addEventListener(CART_CHANGED_EVENT, onChange);
    return () => {
      alive = false;
      window.removeEventListener(CART_CHANGED_EVENT, onChange);
    };
  }, []);

  const label = count === null ? "Cart" : `Cart, ${count} ${count === 1 ? "item" : "items"}`;
  return (
    <Link href="/cart" aria-label={label} className="relative flex size-10 items-center justify-center rounded-full text-cocoa-800 hover:bg-sand-100" data-testid="cart-badge">
      <svg viewBox="0 0 24 24" aria-hidden="true" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M3 4h2l2.2 10.2a2 2 0 0 0 2 1.6h7.6a2 2 0 0 0 2-1.5L20.5 8H6.2" />
        <circle cx="10" cy="19.5" r="1.3" />
        <circle cx="17" cy="19.5" r="1.3" />
      </svg>
      {count ? (
        <span aria-hidden="true" data-testid="cart-count" className="absolute -top-0.5 -right-0.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-ember-600 px-1 text-[11px] leading-none font-bold text-white">
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
