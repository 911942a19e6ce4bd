import Image from "next/image";
import Link from "next/link";
import { ResponsiveTableHead } from "@/components/admin/responsive-table-head";
import { StockStatus } from "@/components/catalog/stock-status";
import { formatMoney } from "@/lib/money";
import type { AdminProduct } from "@/server/admin/admin-products";

export function AdminProductTable({ products }: { products: AdminProduct[] }) {
  return (
    <div className="card overflow-hidden">
      <table className="w-full text-left text-sm">
        <ResponsiveTableHead columns={["Product", "Price", "Stock", "Status"]} />
        <tbody className="divide-y divide-sand-200">
          {products.map((p) => (
            <tr
              key={p.id}
              className="relative grid grid-cols-[auto_1fr_auto] items-center gap-x-3 gap-y-1 p-4 hover:bg-sand-50 md:table-row md:p-0"
              data-testid="admin-product-row"
            >
              <td className="row-span-2 md:px-4 md:py-3">
                <div className="flex items-center gap-3">
                  <div className="relative size-12 shrink-0 overflow-hidden rounded-lg bg-sand-100">
                    <Image src={p.imageUrl} alt="" fill unoptimized sizes="48px" className="object-cover" />
                  </div>
                  <div className="hidden min-w-0 md:block">
                    <Link href={`/admin/products/${p.id}`} className="font-semibold text-cocoa-900 after:absolute after:inset-0 hover:text-ember-700">
                      {p.name}
                    </Link>
                    <p className="text-xs text-cocoa-600">
                      {p.sku} · {p.category.name}
                    </p>
                  </div>
                </div>
              </td>
              <td className="min-w-0 md:hidden">
                <Link href={`/admin/products/${p.id}`} className="block truncate font-semibold text-cocoa-900 after:absolute after:inset-0">
                  {p.name}
                </Link>
                <p className="truncate text-xs text-cocoa-600">{p.sku}</p>
              </td>
              <td className="text-right font-semibold tabular-nums md:px-4 md:py-3 md:text-left">{formatMoney(p.priceCents)}</td>
              <td className="col-start-2 md:px-4 md:py-3">
                <span className="mr-2 font-semibold tabular-nums">{p.stock}</span>
                <StockStatus stock={p.stock} lowStockThreshold={p.lowStockThreshold} />
                <span className="ml-1 hidden text-xs text-cocoa-600 lg:inline">alert at ≤ {p.lowStockThreshold}</span>
              </td>
              <td className="text-right md:px-4 md:py-3 md:text-left">
                <span
                  className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${p.status === "ACTIVE" ? "bg-emerald-50 text-emerald-800" : "bg-stone-200 text-stone-700"}`}
                >
                  {p.status === "ACTIVE" ? "Active" : "Archived"}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
