import { formatMoney } from "@/lib/money";
import type { OrderView } from "@/server/orders/order-view";

/** Subtotal, shipping and total of an order, the same for its shopper and for admins. */
export function OrderTotals({ order }: { order: Pick<OrderView, "subtotalCents" | "shippingCents" | "totalCents" | "paymentLast4"> }) {
  return (
    <>
      <dl className="mt-3 space-y-2 text-sm">
        <div className="flex justify-between">
          <dt className="text-cocoa-700">Subtotal</dt>
          <dd className="tabular-nums">{formatMoney(order.subtotalCents)}</dd>
        </div>
        <div className="flex justify-between">
          <dt className="text-cocoa-700">Shipping</dt>
          <dd className="tabular-nums">{order.shippingCents === 0 ? "Free" : formatMoney(order.shippingCents)}</dd>
        </div>
        <div className="flex justify-between border-t border-sand-200 pt-2 text-base font-bold">
          <dt>Total</dt>
          <dd className="tabular-nums">{formatMoney(order.totalCents)}</dd>
        </div>
      </dl>
      <p className="mt-3 text-sm text-cocoa-600">Card ending in {order.paymentLast4}</p>
    </>
  );
}
