import type { ReactNode } from "react";
import { formatMoney } from "@/lib/money";
import { FREE_SHIPPING_FROM_CENTS } from "@/server/orders/pricing";

interface Props {
  subtotalCents: number;
  shippingCents: number;
  totalCents: number;
  title?: string;
  /** Shown above the totals (the checkout lists the items there). */
  before?: ReactNode;
  children?: ReactNode;
}

/** Subtotal, shipping and total, shared by the cart and the checkout. */
export function CartSummary({ subtotalCents, shippingCents, totalCents, title = "Summary", before, children }: Props) {
  const toFree = FREE_SHIPPING_FROM_CENTS - subtotalCents;
  return (
    <section aria-label={title} className="card p-5 sm:p-6">
      <h2 className="text-lg font-bold">{title}</h2>
      {before ? <div className="mt-4">{before}</div> : null}
      <dl className="mt-4 space-y-2 text-sm">
        <div className="flex justify-between gap-4">
          <dt className="text-cocoa-700">Subtotal</dt>
          <dd className="font-medium tabular-nums" data-testid="subtotal">
            {formatMoney(subtotalCents)}
          </dd>
        </div>
        <div className="flex justify-between gap-4">
          <dt className="text-cocoa-700">Shipping</dt>
          <dd className="font-medium tabular-nums">{shippingCents === 0 && subtotalCents > 0 ? "Free" : formatMoney(shippingCents)}</dd>
        </div>
        <div className="flex justify-between gap-4 border-t border-sand-200 pt-3 text-base">
          <dt className="font-semibold">Total</dt>
          <dd className="font-bold tabular-nums" data-testid="total">
            {formatMoney(totalCents)}
          </dd>
        </div>
      </dl>
      {subtotalCents > 0 && toFree > 0 ? (
        <p className="mt-3 rounded-xl bg-ember-50 px-3 py-2 text-xs text-ember-900">Add {formatMoney(toFree)} more for free shipping.</p>
      ) : null}
      {children ? <div className="mt-5">{children}</div> : null}
    </section>
  );
}
