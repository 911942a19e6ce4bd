import Image from "next/image";
import Link from "next/link";
import { LocalTime } from "@/components/orders/local-time";
import { OrderStatusBadge } from "@/components/orders/order-status";
import { formatMoney } from "@/lib/money";
import type { OrderSummary } from "@/server/orders/order-queries";

/** The shopper's orders, newest first, each a link to its page. */
export function OrderList({ orders }: { orders: OrderSummary[] }) {
  return (
    <ul className="card divide-y divide-sand-200" aria-label="Your orders">
      {orders.map((order) => (
        <li key={order.id} className="relative flex items-center gap-4 p-4 hover:bg-sand-50 sm:p-5" data-testid="order-row">
          <div className="relative hidden size-14 shrink-0 overflow-hidden rounded-xl bg-sand-100 sm:block">
            {order.imageUrl ? <Image src={order.imageUrl} alt="" fill unoptimized sizes="56px" className="object-cover" /> : null}
          </div>
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/orders/${order.id}`} className="font-semibold text-cocoa-900 after:absolute after:inset-0 hover:text-ember-700">
                Order #{order.number}
              </Link>
              <OrderStatusBadge status={order.status} />
            </div>
            <p className="mt-0.5 truncate text-sm text-cocoa-700">
              {order.preview.join(", ")}
              {order.lineCount > order.preview.length ? ` and ${order.lineCount - order.preview.length} more` : ""}
            </p>
            <p className="text-xs text-cocoa-600">
              <LocalTime iso={order.createdAt} /> · {order.itemCount} {order.itemCount === 1 ? "item" : "items"}
            </p>
          </div>
          <p className="shrink-0 font-semibold tabular-nums">{formatMoney(order.totalCents)}</p>
        </li>
      ))}
    </ul>
  );
}
