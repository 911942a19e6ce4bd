"use client";

import { useId, useState, type FormEvent } from "react";
import { formatMoney } from "@/lib/money";
import type { Ack } from "@/realtime/ack";
import { LIVE_LIMITS, type OfferView, type ProductCard } from "@/realtime/live-stream";

const DURATIONS = [
  { seconds: 30, label: "30 seconds" },
  { seconds: 60, label: "1 minute" },
  { seconds: 120, label: "2 minutes" },
  { seconds: 300, label: "5 minutes" },
  { seconds: 600, label: "10 minutes" },
];

export interface OfferInput {
  productId: string;
  priceCents: number;
  quantity: number;
  durationSeconds: number;
  perShopperLimit: number;
}

/** Launch a flash offer: product, price, units (within stock), duration and the per-shopper limit. */
export function OfferForm({
  products,
  onLaunch,
  disabledReason,
}: {
  products: ProductCard[];
  onLaunch: (input: OfferInput) => Promise<Ack<OfferView>>;
  disabledReason: string | null;
}) {
  const [productId, setProductId] = useState(products[0]?.id ?? "");
  const [price, setPrice] = useState("");
  const [quantity, setQuantity] = useState("10");
  const [duration, setDuration] = useState(120);
  const [limit, setLimit] = useState("1");
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const product = products.find((p) => p.id === productId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const priceCents = Math.round(Number(price.replace(",", ".")) * 100);
    if (!product || !Number.isFinite(priceCents) || priceCents < 1) return setMessage({ kind: "error", text: "Enter an offer price, e.g. 19.99" });
    setBusy(true);
    const ack = await onLaunch({ productId, priceCents, quantity: Number(quantity), durationSeconds: duration, perShopperLimit: Number(limit) });
    setBusy(false);
    setMessage(
      ack.ok
        ? { kind: "ok", text: `Offer live: ${ack.data.quantity} × ${ack.data.product.name} at ${formatMoney(ack.data.priceCents)}` }
        : { kind: "error", text: ack.error.message },
    );
  };

  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2" aria-describedby={`${id}-status`}>
      <div className="sm:col-span-2">
        <label htmlFor={`${id}-product`} className="mb-1 block text-sm font-medium">
          Product
        </label>
        <select id={`${id}-product`} className="field-input" value={productId} onChange={(e) => setProductId(e.target.value)} data-testid="offer-product">
          {products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} — {formatMoney(p.priceCents)}, {p.stock} in stock
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-price`} className="mb-1 block text-sm font-medium">
          Offer price (USD)
        </label>
        <input
          id={`${id}-price`}
          className="field-input"
          inputMode="decimal"
          required
          value={price}
          onChange={(e) => setPrice(e.target.value)}
          placeholder={product ? (product.priceCents / 200).toFixed(2) : "19.99"}
          data-testid="offer-price-input"
        />
      </div>
      <div>
        <label htmlFor={`${id}-quantity`} className="mb-1 block text-sm font-medium">
          Units {product && <span className="font-normal text-cocoa-600">(max {product.stock})</span>}
        </label>
        <input
          id={`${id}-quantity`}
          className="field-input"
          type="number"
          min={1}
          max={product?.stock ?? LIVE_LIMITS.offerQuantityMax}
          required
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
          data-testid="offer-quantity"
        />
      </div>
      <div>
        <label htmlFor={`${id}-duration`} className="mb-1 block text-sm font-medium">
          Runs for
        </label>
        <select id={`${id}-duration`} className="field-input" value={duration} onChange={(e) => setDuration(Number(e.target.value))}>
          {DURATIONS.map((d) => (
            <option key={d.seconds} value={d.seconds}>
              {d.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-limit`} className="mb-1 block text-sm font-medium">
          Per shopper
        </label>
        <input
          id={`${id}-limit`}
          className="field-input"
          type="number"
          min={1}
          max={LIVE_LIMITS.perShopperLimitMax}
          required
          value={limit}
          onChange={(e) => setLimit(e.target.value)}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={busy || disabledReason !== null || !product} data-testid="launch-offer">
          {busy ? "Launching…" : "Launch offer"}
        </button>
        <p id={`${id}-status`} role="status" aria-live="polite" className={`text-sm ${message?.kind === "error" ? "text-red-700" : "text-emerald-800"}`}>
          {message?.text ?? (disabledReason && <span className="text-cocoa-600">{disabledReason}</span>)}
        </p>
      </div>
    </form>
  );
}
