"use client";

import Image from "next/image";
import Link from "next/link";
import { useState } from "react";
import { addToCart } from "@/components/cart/cart-client";
import { ApiError } from "@/components/cart/request-json";
import { formatMoney } from "@/lib/money";
import type { ProductCard } from "@/realtime/live-stream";

type State = { kind: "idle" } | { kind: "adding" } | { kind: "added" } | { kind: "error"; message: string };

/** The product the host is showing, with a buy button; clicks and cart adds are reported to the show. */
export function FeaturedProduct({
  product,
  onClick,
  onCartAdd,
}: {
  product: ProductCard;
  onClick?: (productId: string) => void;
  onCartAdd?: (productId: string) => void;
}) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const soldOut = product.stock <= 0;

  const buy = async () => {
    setState({ kind: "adding" });
    try {
      await addToCart(product.id, 1);
      onCartAdd?.(product.id);
      setState({ kind: "added" });
    } catch (error) {
      setState({ kind: "error", message: error instanceof ApiError ? error.message : "Could not add this to your cart" });
    }
  };

  return (
    <section aria-labelledby="featured-heading" className="card flex gap-3 p-3 sm:p-4" data-testid="featured-product">
      <div className="relative size-24 shrink-0 overflow-hidden rounded-xl bg-sand-100 sm:size-28">
        <Image src={product.imageUrl} alt="" fill unoptimized sizes="112px" className="object-cover" />
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <p id="featured-heading" className="text-xs font-bold tracking-wide text-ember-700 uppercase">
          On the show now
        </p>
        <h2 className="text-base leading-snug font-semibold">
          <Link
            href={`/products/${product.slug}`}
            onClick={() => onClick?.(product.id)}
            className="rounded hover:text-ember-700 hover:underline"
            data-testid="featured-product-link"
          >
            {product.name}
          </Link>
        </h2>
        <p className="font-semibold text-cocoa-900">{formatMoney(product.priceCents)}</p>
        <div className="mt-auto flex flex-wrap items-center gap-2 pt-1">
          <button type="button" className="btn-secondary px-4 py-2" onClick={buy} disabled={soldOut || state.kind === "adding"} data-testid="featured-buy">
            {soldOut ? "Sold out" : state.kind === "adding" ? "Adding…" : "Add to cart"}
          </button>
          <span role="status" aria-live="polite" className="text-sm">
            {state.kind === "added" ? (
              <Link href="/cart" className="font-semibold text-emerald-800 underline underline-offset-2">
                Added: view cart
              </Link>
            ) : state.kind === "error" ? (
              <span className="text-red-700">{state.message}</span>
            ) : null}
          </span>
        </div>
      </div>
    </section>
  );
}
