import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { OrderStatusActions } from "@/components/admin/order-status-actions";
import { ConsoleShell } from "@/components/layout/console-shell";
import { LocalTime } from "@/components/orders/local-time";
import { OrderStatusBadge } from "@/components/orders/order-status";
import { OrderTimeline } from "@/components/orders/order-timeline";
import { OrderTotals } from "@/components/orders/order-totals";
import { ShippingAddressBlock } from "@/components/orders/shipping-address";
import { formatMoney } from "@/lib/money";
import { requireConsole } from "@/server/auth/page-guard";
import { AppError } from "@/server/errors";
import { getAnyOrder } from "@/server/orders/order-queries";

export const metadata: Metadata = { title: "Order · Admin" };

export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  await requireConsole("admin");
  const { id } = await params;
  const order = await getAnyOrder(id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <ConsoleShell
      title={`Order #${order.number}`}
      intro={
        <>
          Placed <LocalTime iso={order.createdAt} /> by {order.customer.name} ({order.customer.email})
        </>
      }
    >
      <AdminNav />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem] lg:items-start">
        <div className="flex min-w-0 flex-col gap-6">
          <section aria-labelledby="status-heading" className="card p-5 sm:p-6">
            <div className="flex flex-wrap items-center gap-3">
              <h2 id="status-heading" className="text-lg font-bold">
                Status
              </h2>
              <OrderStatusBadge status={order.status} className="px-3 py-1 text-sm" />
            </div>
            <div className="mt-4">
              <OrderStatusActions orderId={order.id} next={order.nextStatuses} />
            </div>
          </section>
          <OrderTimeline status={order.status} events={order.events} />
        </div>
        <aside className="flex flex-col gap-6">
          <section aria-labelledby="items-heading" className="card p-5 sm:p-6">
            <h2 id="items-heading" className="text-lg font-bold">
              Items
            </h2>
            <ul className="mt-3 space-y-2 text-sm">
              {order.items.map((item) => (
                <li key={item.id} className="flex justify-between gap-3">
                  <span>
                    {item.name} <span className="text-cocoa-600">× {item.quantity}</span>
                  </span>
                  <span className="tabular-nums">{formatMoney(item.lineTotalCents)}</span>
                </li>
              ))}
            </ul>
            <OrderTotals order={order} />
          </section>
          <section aria-labelledby="ship-heading" className="card p-5 sm:p-6">
            <h2 id="ship-heading" className="text-lg font-bold">
              Ship to
            </h2>
            <ShippingAddressBlock address={order.shippingAddress} withPhone />
          </section>
          <Link href="/admin/orders" className="text-sm font-semibold text-ember-700 hover:text-ember-800">
            ← All orders
          </Link>
        </aside>
      </div>
    </ConsoleShell>
  );
}
