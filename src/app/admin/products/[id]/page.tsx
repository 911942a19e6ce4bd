import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminNav } from "@/components/admin/admin-nav";
import { ProductForm } from "@/components/admin/product-form";
import { ProductStatusToggle } from "@/components/admin/product-status-toggle";
import { StockAdjustForm } from "@/components/admin/stock-adjust-form";
import { StockStatus } from "@/components/catalog/stock-status";
import { ConsoleShell } from "@/components/layout/console-shell";
import { LocalTime } from "@/components/orders/local-time";
import { getAdminProduct, listStockAdjustments } from "@/server/admin/admin-products";
import { requireConsole } from "@/server/auth/page-guard";
import { listCategories } from "@/server/catalog/list-categories";
import { AppError } from "@/server/errors";

export const metadata: Metadata = { title: "Product · Admin" };

export default async function AdminProductPage({ params }: { params: Promise<{ id: string }> }) {
  await requireConsole("admin");
  const { id } = await params;
  const product = await getAdminProduct(id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [categories, adjustments] = await Promise.all([listCategories(), listStockAdjustments(id)]);
  return (
    <ConsoleShell
      title={product.name}
      intro={
        <>
          {product.sku} ·{" "}
          {product.status === "ACTIVE" ? (
            <Link href={`/products/${product.slug}`} className="underline underline-offset-2">
              view in shop
            </Link>
          ) : (
            "archived"
          )}
        </>
      }
    >
      <AdminNav />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem] lg:items-start">
        <section aria-labelledby="details-heading" className="card p-5 sm:p-6">
          <h2 id="details-heading" className="mb-4 text-lg font-bold">
            Details
          </h2>
          <ProductForm categories={categories} product={product} />
        </section>
        <aside className="flex flex-col gap-6">
          <section aria-labelledby="stock-heading" className="card p-5 sm:p-6">
            <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
              <h2 id="stock-heading" className="text-lg font-bold">
                Stock:{" "}
                <span className="tabular-nums" data-testid="admin-stock">
                  {product.stock}
                </span>
              </h2>
              <StockStatus stock={product.stock} lowStockThreshold={product.lowStockThreshold} />
            </div>
            <StockAdjustForm product={product} />
            <h3 className="mt-6 text-sm font-semibold tracking-wide text-cocoa-700 uppercase">Recent adjustments</h3>
            {adjustments.length ? (
              <ul className="mt-2 divide-y divide-sand-200 text-sm">
                {adjustments.map((a) => (
                  <li key={a.id} className="py-2">
                    <p className="flex justify-between gap-2">
                      <span className="font-medium">{a.reason}</span>
                      <span className={`font-semibold tabular-nums ${a.delta > 0 ? "text-emerald-800" : "text-red-700"}`}>
                        {a.delta > 0 ? `+${a.delta}` : a.delta}
                      </span>
                    </p>
                    <p className="text-xs text-cocoa-600">
                      {a.previousStock} → {a.stock} · {a.by ?? "system"} · <LocalTime iso={a.createdAt} />
                    </p>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-sm text-cocoa-600">None yet.</p>
            )}
          </section>
          <section aria-label="Availability" className="card p-5 sm:p-6">
            <p className="mb-3 text-sm text-cocoa-700">
              {product.status === "ACTIVE" ? "Archiving hides the product from the shop. Past orders keep it." : "This product is hidden from the shop."}
            </p>
            <ProductStatusToggle product={product} />
          </section>
        </aside>
      </div>
    </ConsoleShell>
  );
}
