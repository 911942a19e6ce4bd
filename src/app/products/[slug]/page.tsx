import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { LiveProductStock } from "@/components/catalog/live-product-stock";
import { ProductCard } from "@/components/catalog/product-card";
import { BoxIcon, ChatIcon, ReturnIcon, TagIcon } from "@/components/layout/icons";
import { formatMoney } from "@/lib/money";
import { AppError } from "@/server/errors";
import { catalogQuerySchema } from "@/server/catalog/catalog-query";
import { getProduct } from "@/server/catalog/get-product";
import { listProducts } from "@/server/catalog/list-products";

type Params = Promise<{ slug: string }>;

// One database read per request, shared by the metadata and the page.
const productBySlug = cache(async (slug: string) => {
  try {
    return await getProduct(slug);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const product = await productBySlug((await params).slug);
  return { title: product.name, description: product.description };
}

export default async function ProductPage({ params }: { params: Params }) {
  const product = await productBySlug((await params).slug);
  const related = await listProducts(catalogQuerySchema.parse({ category: product.category.slug, pageSize: "5" }));
  const others = related.items.filter((p) => p.id !== product.id).slice(0, 4);

  return (
    <div className="mx-auto max-w-7xl px-4 pt-6 sm:px-6">
      <nav aria-label="Breadcrumb" className="mb-5 text-sm text-cocoa-600">
        <ol className="flex flex-wrap items-center gap-1.5">
          <li>
            <Link href="/" className="hover:text-ember-700 hover:underline">
              Shop
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li>
            <Link href={`/?category=${product.category.slug}`} className="hover:text-ember-700 hover:underline">
              {product.category.name}
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page" className="font-medium text-cocoa-900">
            {product.name}
          </li>
        </ol>
      </nav>

      <article className="grid gap-8 md:grid-cols-2 md:gap-12">
        <div className="relative aspect-square overflow-hidden rounded-3xl border border-sand-200 bg-sand-100">
          <Image src={product.imageUrl} alt={product.name} fill unoptimized priority sizes="(min-width: 768px) 50vw, 100vw" className="object-cover" />
        </div>
        <div className="flex flex-col gap-5">
          <div>
            <p className="text-sm font-semibold tracking-wide text-ember-700 uppercase">{product.category.name}</p>
            <h1 className="mt-1 text-3xl font-extrabold sm:text-4xl">{product.name}</h1>
            <p className="mt-3 text-2xl font-semibold text-cocoa-900">{formatMoney(product.priceCents)}</p>
          </div>
          <LiveProductStock productId={product.id} stock={product.stock} lowStockThreshold={product.lowStockThreshold} />
          <div className="border-t border-sand-200 pt-5">
            <h2 className="sr-only">Description</h2>
            <p className="leading-relaxed text-cocoa-700">{product.description}</p>
          </div>
          <ul className="grid gap-2 text-sm text-cocoa-700 sm:grid-cols-2">
            <li className="flex items-center gap-2">
              <BoxIcon className="size-5 text-ember-700" /> Ships in 2 working days
            </li>
            <li className="flex items-center gap-2">
              <ReturnIcon className="size-5 text-ember-700" /> Free 30-day returns
            </li>
            <li className="flex items-center gap-2">
              <ChatIcon className="size-5 text-ember-700" /> Questions? Chat with us
            </li>
            <li className="flex items-center gap-2 text-cocoa-600">
              <TagIcon className="size-5 text-ember-700" /> SKU {product.sku}
            </li>
          </ul>
        </div>
      </article>

      {others.length > 0 && (
        <section aria-labelledby="related-heading" className="mt-14">
          <h2 id="related-heading" className="mb-4 text-xl font-bold">
            More from {product.category.name}
          </h2>
          <ul className="grid grid-cols-2 gap-3 sm:gap-5 lg:grid-cols-4">
            {others.map((p) => (
              <li key={p.id} className="flex">
                <ProductCard product={p} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
