import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminOrderTable } from "@/components/admin/admin-order-table";
import { OrderFilters } from "@/components/admin/order-filters";
import { Pagination } from "@/components/catalog/pagination";
import { ConsoleShell } from "@/components/layout/console-shell";
import { adminOrderQuerySchema, listAdminOrders, type AdminOrderQuery } from "@/server/admin/admin-orders";
import { requireConsole } from "@/server/auth/page-guard";
import { normalizeParams } from "@/server/catalog/catalog-query";

export const metadata: Metadata = { title: "Orders · Admin" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const search = (query: AdminOrderQuery, page: number) => {
  const params = new URLSearchParams();
  for (const key of ["status", "from", "to", "customer"] as const) if (query[key]) params.set(key, query[key]);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return `/admin/orders${s ? `?${s}` : ""}`;
};

export default async function AdminOrdersPage({ searchParams }: { searchParams: SearchParams }) {
  await requireConsole("admin");
  const parsed = adminOrderQuerySchema.safeParse(normalizeParams(await searchParams));
  const query = parsed.success ? parsed.data : adminOrderQuerySchema.parse({});
  const result = await listAdminOrders(query);
  return (
    <ConsoleShell title="Orders" intro={`${result.total} ${result.total === 1 ? "order" : "orders"} match`}>
      <AdminNav />
      <OrderFilters query={query} />
      {!parsed.success ? (
        <p role="status" className="mb-4 rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          Some filters were not understood and were ignored: {parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}
        </p>
      ) : null}
      {result.items.length ? <AdminOrderTable orders={result.items} /> : <p className="card p-6 text-cocoa-700">No orders match these filters.</p>}
      <Pagination page={result.page} totalPages={result.totalPages} href={(p) => search(query, p)} />
    </ConsoleShell>
  );
}
