import type { Metadata } from "next";
import Link from "next/link";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminProductTable } from "@/components/admin/admin-product-table";
import { ProductForm } from "@/components/admin/product-form";
import { Pagination } from "@/components/catalog/pagination";
import { ConsoleShell } from "@/components/layout/console-shell";
import { adminProductQuerySchema, listAdminProducts } from "@/server/admin/admin-products";
import { requireConsole } from "@/server/auth/page-guard";
import { normalizeParams } from "@/server/catalog/catalog-query";
import { listCategories } from "@/server/catalog/list-categories";

export const metadata: Metadata = { title: "Products · Admin" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminProductsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireConsole("admin");
  const parsed = adminProductQuerySchema.safeParse({ pageSize: "25", ...normalizeParams(await searchParams) });
  const query = parsed.success ? parsed.data : adminProductQuerySchema.parse({ pageSize: "25" });
  const [result, categories] = await Promise.all([listAdminProducts(query), listCategories()]);
  const href = (page: number) => {
    const params = new URLSearchParams();
    if (query.q) params.set("q", query.q);
    if (query.status) params.set("status", query.status);
    if (query.lowStock) params.set("lowStock", "true");
    if (page > 1) params.set("page", String(page));
    const s = params.toString();
    return `/admin/products${s ? `?${s}` : ""}`;
  };
  const label = "mb-1 block text-xs font-semibold tracking-wide text-cocoa-700 uppercase";
  return (
    <ConsoleShell title="Products" intro={`${result.total} ${result.total === 1 ? "product" : "products"} match`}>
      <AdminNav />
      <details className="card group mb-5 p-4 sm:p-5">
        <summary className="cursor-pointer list-none text-base font-bold marker:hidden">
          <span className="inline-flex items-center gap-2">
            <span
              aria-hidden="true"
              className="flex size-6 items-center justify-center rounded-full bg-ember-600 text-white transition-transform group-open:rotate-45"
            >
              +
            </span>
            New product
          </span>
        </summary>
        <div className="mt-4">
          <ProductForm categories={categories} />
        </div>
      </details>
      <form
        method="get"
        role="search"
        aria-label="Filter products"
        className="card mb-5 grid grid-cols-2 gap-3 p-4 sm:grid-cols-[1fr_12rem_auto_auto] sm:items-end"
      >
        <div className="col-span-2 sm:col-span-1">
          <label htmlFor="p-q" className={label}>
            Search
          </label>
          <input id="p-q" name="q" defaultValue={query.q ?? ""} placeholder="Name or SKU" className="field-input h-11 py-0" />
        </div>
        <div>
          <label htmlFor="p-status" className={label}>
            Status
          </label>
          <select id="p-status" name="status" defaultValue={query.status ?? ""} className="field-input h-11 py-0">
            <option value="">Any</option>
            <option value="ACTIVE">Active</option>
            <option value="ARCHIVED">Archived</option>
          </select>
        </div>
        <label className="flex items-center gap-2 self-end pb-2 text-sm font-medium text-cocoa-800">
          <input type="checkbox" name="lowStock" value="true" defaultChecked={query.lowStock ?? false} className="size-4 accent-ember-600" />
          Low stock only
        </label>
        <div className="col-span-2 flex gap-2 sm:col-span-1">
          <button type="submit" className="btn-primary py-2">
            Filter
          </button>
          <Link href="/admin/products" className="btn-secondary py-2">
            Clear
          </Link>
        </div>
      </form>
      {result.items.length ? <AdminProductTable products={result.items} /> : <p className="card p-6 text-cocoa-700">No products match.</p>}
      <Pagination page={result.page} totalPages={result.totalPages} href={href} />
    </ConsoleShell>
  );
}
