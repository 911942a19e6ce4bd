"use client";

import Image from "next/image";
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { CART_CHANGED_EVENT, fetchCart, removeLine, setLineQuantity, type CartChangedEvent } from "@/components/cart/cart-client";
import { CartIcon } from "@/components/cart/cart-icon";
import { CartSummary } from "@/components/cart/cart-summary";
import { QuantityStepper } from "@/components/cart/quantity-stepper";
import { ReservationCountdown } from "@/components/cart/reservation-countdown";
import { ApiError } from "@/components/cart/request-json";
import { formatMoney } from "@/lib/money";
import type { Cart, CartLine } from "@/server/cart/cart";

const MAX_PER_LINE = 99;

export function CartView({ initialCart }: { initialCart: Cart }) {
  const [cart, setCart] = useState(initialCart);
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState("");

  // Another tab or the live show may change the cart: follow every announced change.
  useEffect(() => {
    const onChange = (event: Event) => {
      const next = (event as CartChangedEvent).detail;
      if (next) setCart(next);
      else void fetchCart().then(setCart, () => undefined);
    };
    window.addEventListener(CART_CHANGED_EVENT, onChange);
    return () => window.removeEventListener(CART_CHANGED_EVENT, onChange);
  }, []);

  const run = useCallback(async (line: CartLine, action: () => Promise<Cart>, done: string) => {
    setBusy(line.id);
    setErrors((current) => {
      const next = { ...current };
      delete next[line.id];
      return next;
    });
    try {
      setCart(await action());
      setAnnouncement(done);
    } catch (error) {
      setErrors((e) => ({ ...e, [line.id]: error instanceof ApiError ? error.message : "That did not work, try again" }));
      void fetchCart().then(setCart, () => undefined);
    } finally {
      setBusy(null);
    }
  }, []);

  if (cart.items.length === 0) {
    return (
      <div className="card mx-auto flex max-w-lg flex-col items-center gap-4 px-6 py-14 text-center">
        <span aria-hidden="true" className="flex size-14 items-center justify-center rounded-full bg-ember-50 text-ember-700">
          <CartIcon className="size-7" />
        </span>
        <h2 className="text-xl font-bold">Your cart is empty</h2>
        <p className="text-cocoa-700">Find something warm in the shop, or catch a live show for flash offers.</p>
        <Link href="/" className="btn-primary">
          Browse the shop
        </Link>
        <p role="status" className="sr-only">
          {announcement}
        </p>
      </div>
    );
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem] lg:items-start">
      <ul className="card divide-y divide-sand-200" aria-label="Items in your cart">
        {cart.items.map((line) => (
          <li key={line.id} className="flex gap-3 p-4 sm:gap-4 sm:p-5" data-testid="cart-line">
            <Link
              href={`/products/${line.slug}`}
              className="relative size-20 shrink-0 overflow-hidden rounded-xl bg-sand-100 sm:size-24"
              tabIndex={-1}
              aria-hidden="true"
            >
              <Image src={line.imageUrl} alt="" fill unoptimized sizes="96px" className="object-cover" />
            </Link>
            <div className="flex min-w-0 flex-1 flex-col gap-2">
              <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
                <div className="min-w-0">
                  <Link href={`/products/${line.slug}`} className="font-semibold text-cocoa-900 hover:text-ember-700">
                    {line.name}
                  </Link>
                  <p className="text-sm text-cocoa-600">
                    {formatMoney(line.unitPriceCents)} each
                    {line.offerClaimId ? (
                      <span className="ml-2 rounded-full bg-ember-100 px-2 py-0.5 text-xs font-semibold text-ember-800">Flash offer</span>
                    ) : null}
                  </p>
                </div>
                <p className="font-semibold tabular-nums" aria-label={`Line total ${formatMoney(line.lineTotalCents)}`}>
                  {formatMoney(line.lineTotalCents)}
                </p>
              </div>
              {line.offerClaimId && line.reservedUntil ? <ReservationCountdown until={line.reservedUntil} /> : null}
              {!line.offerClaimId && line.stock < line.quantity ? (
                <p className="text-sm font-medium text-red-700">
                  {line.stock === 0 ? "Sold out since you added it." : `Only ${line.stock} left now: lower the quantity to check out.`}
                </p>
              ) : null}
              <div className="flex flex-wrap items-center gap-3">
                {line.offerClaimId ? (
                  <p className="text-sm text-cocoa-700">Quantity {line.quantity}</p>
                ) : (
                  <QuantityStepper
                    value={line.quantity}
                    min={1}
                    max={Math.max(line.quantity, Math.min(MAX_PER_LINE, line.stock))}
                    label={`Quantity of ${line.name}`}
                    disabled={busy === line.id}
                    onChange={(quantity) => {
                      if (quantity !== line.quantity) void run(line, () => setLineQuantity(line.id, quantity), `${line.name}: quantity ${quantity}`);
                    }}
                  />
                )}
                <button
                  type="button"
                  onClick={() => void run(line, () => removeLine(line.id), `${line.name} removed from your cart`)}
                  disabled={busy === line.id}
                  className="rounded-full px-3 py-1.5 text-sm font-medium text-cocoa-700 underline-offset-2 hover:bg-sand-100 hover:underline disabled:opacity-50"
                >
                  Remove<span className="sr-only"> {line.name}</span>
                </button>
              </div>
              {errors[line.id] ? (
                <p role="alert" className="text-sm text-red-700">
                  {errors[line.id]}
                </p>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      <div className="lg:sticky lg:top-24">
        <CartSummary subtotalCents={cart.subtotalCents} shippingCents={cart.shippingCents} totalCents={cart.totalCents}>
          <Link href="/checkout" className="btn-primary w-full" data-testid="go-to-checkout">
            Check out
          </Link>
          <Link href="/" className="mt-3 block text-center text-sm font-medium text-cocoa-700 hover:text-ember-700">
            Continue shopping
          </Link>
        </CartSummary>
      </div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
