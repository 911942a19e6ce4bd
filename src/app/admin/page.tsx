import type { Metadata } from "next";
import Link from "next/link";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminOrderTable } from "@/components/admin/admin-order-table";
import { StatCard } from "@/components/admin/stat-card";
import { StockStatus } from "@/components/catalog/stock-status";
import { ConsoleShell } from "@/components/layout/console-shell";
import { AdminLiveFeed } from "@/components/notifications/admin-live-feed";
import { formatMoney } from "@/lib/money";
import { dashboardNumbers, lowStockProducts, recentOrders } from "@/server/admin/admin-dashboard";
import { requireConsole } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminConsolePage() {
  const identity = await requireConsole("admin");
  const [numbers, orders, lowStock] = await Promise.all([dashboardNumbers(), recentOrders(), lowStockProducts()]);
  return (
    <ConsoleShell title="Admin" intro={`Signed in as ${identity.name}`}>
      <AdminNav />
      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        <StatCard label="To fulfil" value={String(numbers.toFulfil)} href="/admin/orders?status=PAID" />
        <StatCard label="Orders today" value={String(numbers.ordersToday)} href="/admin/orders" />
        <StatCard label="Revenue today" value={formatMoney(numbers.revenueTodayCents)} />
        <StatCard
          label="Low stock"
          value={String(numbers.lowStockCount)}
          href="/admin/products?lowStock=true"
          tone={numbers.lowStockCount ? "warn" : "plain"}
        />
      </div>

      <div className="mt-8 grid gap-8 lg:grid-cols-[1fr_22rem]">
        <div className="flex min-w-0 flex-col gap-8">
          <section aria-labelledby="recent-heading">
            <div className="mb-3 flex items-end justify-between gap-3">
              <h2 id="recent-heading" className="text-lg font-bold">
                Recent orders
              </h2>
              <Link href="/admin/orders" className="text-sm font-semibold text-ember-700 hover:text-ember-800">
                All orders →
              </Link>
            </div>
            {orders.items.length ? <AdminOrderTable orders={orders.items} /> : <p className="card p-6 text-cocoa-700">No orders yet.</p>}
          </section>
          <section aria-labelledby="low-heading">
            <div className="mb-3 flex items-end justify-between gap-3">
              <h2 id="low-heading" className="text-lg font-bold">
                Running low
              </h2>
              <Link href="/admin/products?lowStock=true" className="text-sm font-semibold text-ember-700 hover:text-ember-800">
                All low-stock products →
              </Link>
            </div>
            {lowStock.items.length ? (
              <ul className="card divide-y divide-sand-200">
                {lowStock.items.map((p) => (
                  <li key={p.id} className="flex items-center justify-between gap-3 px-4 py-3">
                    <Link href={`/admin/products/${p.id}`} className="min-w-0 truncate font-medium text-cocoa-900 hover:text-ember-700">
                      {p.name}
                    </Link>
                    <StockStatus stock={p.stock} lowStockThreshold={p.lowStockThreshold} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="card p-6 text-cocoa-700">Every product is above its low-stock threshold.</p>
            )}
          </section>
        </div>
        <aside aria-label="Live activity" className="min-w-0">
          <AdminLiveFeed />
        </aside>
      </div>
    </ConsoleShell>
  );
}
