import Link from "next/link";
import { ResponsiveTableHead } from "@/components/admin/responsive-table-head";
import { OrderStatusActions } from "@/components/admin/order-status-actions";
import { LocalTime } from "@/components/orders/local-time";
import { OrderStatusBadge } from "@/components/orders/order-status";
import { formatMoney } from "@/lib/money";
import type { OrderSummary } from "@/server/orders/order-queries";
import { nextStatuses } from "@/server/orders/state-machine";

/** Orders as rows (cards on a phone), each with the status changes allowed from where it is. */
export function AdminOrderTable({ orders, actions = true }: { orders: OrderSummary[]; actions?: boolean }) {
  return (
    <div className="card overflow-hidden">
      <table className="w-full text-left text-sm">
        <ResponsiveTableHead columns={["Order", "Customer", "Total", "Status", ...(actions ? ["Next step"] : [])]} />
        <tbody className="divide-y divide-sand-200">
          {orders.map((order) => (
            <tr
              key={order.id}
              className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 p-4 md:table-row md:p-0"
              data-testid="admin-order-row"
              data-order-id={order.id}
            >
              <td className="md:px-4 md:py-3">
                <Link href={`/admin/orders/${order.id}`} className="font-semibold text-cocoa-900 hover:text-ember-700">
                  #{order.number}
                </Link>
                <p className="text-xs text-cocoa-600">
                  <LocalTime iso={order.createdAt} /> · {order.itemCount} {order.itemCount === 1 ? "item" : "items"}
                </p>
              </td>
              <td className="col-start-1 min-w-0 md:px-4 md:py-3">
                <p className="truncate font-medium text-cocoa-900">{order.customer.name}</p>
                <p className="truncate text-xs text-cocoa-600">{order.customer.email}</p>
              </td>
              <td className="col-start-2 row-start-1 text-right font-semibold tabular-nums md:px-4 md:py-3 md:text-left">{formatMoney(order.totalCents)}</td>
              <td className="col-start-2 row-start-2 text-right md:px-4 md:py-3 md:text-left">
                <OrderStatusBadge status={order.status} />
              </td>
              {actions ? (
                <td className="col-span-2 pt-2 md:px-4 md:py-3">
                  <OrderStatusActions orderId={order.id} next={[...nextStatuses(order.status)]} compact />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
