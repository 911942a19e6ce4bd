import Image from "next/image";
import Link from "next/link";
import { StockStatus } from "@/components/catalog/stock-status";
import { formatMoney } from "@/lib/money";
import type { ProductView } from "@/server/catalog/product-view";

/** The whole card is clickable through the name's link (one link per card for screen readers). */
export function ProductCard({ product, priority = false }: { product: ProductView; priority?: boolean }) {
  const soldOut = product.stock <= 0;
  return (
    <article className="group card relative flex w-full flex-col overflow-hidden transition-shadow focus-within:ring-2 focus-within:ring-ember-500 hover:shadow-md">
      <div className="relative aspect-square overflow-hidden bg-sand-100">
        <Image
          src={product.imageUrl}
          alt=""
          fill
          unoptimized
          priority={priority}
          sizes="(min-width: 1024px) 22vw, (min-width: 640px) 33vw, 50vw"
          className={`object-cover transition-transform duration-300 group-hover:scale-[1.03] ${soldOut ? "opacity-60 grayscale-[40%]" : ""}`}
        />
      </div>
      <div className="flex flex-1 flex-col gap-1.5 p-3 sm:p-4">
        <p className="text-xs font-medium tracking-wide text-cocoa-600 uppercase">{product.category.name}</p>
        <h3 className="text-sm leading-snug font-semibold text-cocoa-900 sm:text-base">
          <Link href={`/products/${product.slug}`} className="after:absolute after:inset-0 focus:outline-none">
            {product.name}
          </Link>
        </h3>
        <div className="mt-auto flex flex-wrap items-center justify-between gap-2 pt-1">
          <p className="font-semibold text-cocoa-900">{formatMoney(product.priceCents)}</p>
          {product.stock <= product.lowStockThreshold && <StockStatus stock={product.stock} lowStockThreshold={product.lowStockThreshold} />}
        </div>
      </div>
    </article>
  );
}
