"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { addToCart } from "@/components/cart/cart-client";
import { ApiError } from "@/components/cart/request-json";
import { QuantityStepper } from "@/components/cart/quantity-stepper";

const MAX_PER_LINE = 99;

type State = { kind: "idle" } | { kind: "adding" } | { kind: "added"; quantity: number } | { kind: "error"; message: string };

/** Quantity and "Add to cart" on the product page; `stock` may change live while it is open. */
export function AddToCartButton({ productId, stock }: { productId: string; stock: number }) {
  const max = Math.max(0, Math.min(stock, MAX_PER_LINE));
  const [quantity, setQuantity] = useState(1);
  const [state, setState] = useState<State>({ kind: "idle" });
  const statusId = useId();
  const chosen = Math.min(Math.max(1, quantity), Math.max(1, max));

  if (max === 0) {
    return (
      <div className="flex flex-col gap-2">
        <button type="button" disabled className="btn-primary w-full sm:w-auto" data-testid="add-to-cart">
          Sold out
        </button>
        <p className="text-sm text-cocoa-600">This one is gone for now. Check back soon.</p>
      </div>
    );
  }

  const add = async () => {
    setState({ kind: "adding" });
    try {
      await addToCart(productId, chosen);
      setState({ kind: "added", quantity: chosen });
    } catch (error) {
      setState({ kind: "error", message: error instanceof ApiError ? error.message : "Could not add this to your cart" });
    }
  };

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <QuantityStepper value={chosen} min={1} max={max} onChange={setQuantity} label="Quantity" disabled={state.kind === "adding"} />
        <button
          type="button"
          onClick={add}
          disabled={state.kind === "adding"}
          aria-describedby={statusId}
          className="btn-primary min-w-40 flex-1 sm:flex-none"
          data-testid="add-to-cart"
        >
          {state.kind === "adding" ? "Adding…" : "Add to cart"}
        </button>
      </div>
      <p id={statusId} role="status" aria-live="polite" className="min-h-5 text-sm">
        {state.kind === "added" ? (
          <span className="text-emerald-800">
            Added {state.quantity} to your cart.{" "}
            <Link href="/cart" className="font-semibold text-ember-700 underline underline-offset-2 hover:text-ember-800">
              View cart
            </Link>
          </span>
        ) : state.kind === "error" ? (
          <span className="text-red-700">{state.message}</span>
        ) : null}
      </p>
    </div>
  );
}
