"use client";

import Link from "next/link";
import { useState } from "react";
import { announceCartChanged } from "@/components/cart/cart-client";
import { formatCountdown, useNow } from "@/components/live/use-now";
import { formatMoney } from "@/lib/money";
import type { Ack } from "@/realtime/ack";
import type { ClaimResult, OfferEnded, OfferView } from "@/realtime/live-stream";

type ClaimState = { kind: "idle" } | { kind: "claiming" } | { kind: "done"; result: ClaimResult } | { kind: "error"; message: string };

const lostText: Record<Exclude<ClaimResult["outcome"], "won">, string> = {
  sold_out: "Sold out: every unit has been claimed.",
  already_claimed: "You already claimed this offer.",
  expired: "Too late: this offer has ended.",
};

const endedText: Record<OfferEnded["reason"], string> = { sold_out: "Sold out", expired: "Offer ended", ended: "Offer ended" };

/** The running flash offer: price, units left, countdown and the claim button (viewers), or its status (host). */
export function OfferCard({
  offer,
  ended,
  onClaim,
  canClaim = true,
}: {
  offer: OfferView;
  ended: OfferEnded["reason"] | null;
  onClaim?: (offerId: string) => Promise<Ack<ClaimResult>>;
  canClaim?: boolean;
}) {
  const [claim, setClaim] = useState<ClaimState>({ kind: "idle" });
  const endsAt = new Date(offer.endsAt).getTime();
  const now = useNow(250, ended === null);
  const left = Math.max(0, offer.quantity - offer.claimed);
  const over = ended !== null || now >= endsAt || left === 0;
  const status = ended ? endedText[ended] : left === 0 ? "Sold out" : now >= endsAt ? "Offer ended" : null;
  const won = claim.kind === "done" && claim.result.outcome === "won";

  const submit = async () => {
    if (!onClaim) return;
    setClaim({ kind: "claiming" });
    const ack = await onClaim(offer.id);
    if (!ack.ok) return setClaim({ kind: "error", message: ack.error.message });
    setClaim({ kind: "done", result: ack.data });
    if (ack.data.outcome === "won") announceCartChanged();
  };

  return (
    <section
      aria-labelledby={`offer-${offer.id}`}
      className="card overflow-hidden border-ember-300 bg-gradient-to-br from-ember-50 to-white"
      data-testid="offer-card"
    >
      <div className="flex items-center justify-between gap-2 bg-ember-600 px-4 py-2 text-white">
        <h2 id={`offer-${offer.id}`} className="text-sm font-bold tracking-wide text-white uppercase">
          Flash offer
        </h2>
        <p className="font-mono text-sm font-semibold tabular-nums" aria-label={over ? "Offer over" : `Ends in ${formatCountdown(endsAt - now)}`}>
          {status ?? formatCountdown(endsAt - now)}
        </p>
      </div>
      <div className="flex flex-col gap-3 p-4">
        <div>
          <p className="font-semibold text-cocoa-900">{offer.product.name}</p>
          <p className="mt-1 flex items-baseline gap-2">
            <span className="text-2xl font-extrabold text-ember-700" data-testid="offer-price">
              {formatMoney(offer.priceCents)}
            </span>
            {offer.product.priceCents > offer.priceCents && (
              <span className="text-sm text-cocoa-600 line-through">
                <span className="sr-only">Regular price </span>
                {formatMoney(offer.product.priceCents)}
              </span>
            )}
          </p>
        </div>
        <div>
          <div className="flex justify-between text-sm">
            <span className="font-semibold text-cocoa-800" data-testid="offer-left" aria-live="polite">
              {left} of {offer.quantity} left
            </span>
            <span className="text-cocoa-600">limit {offer.perShopperLimit} per person</span>
          </div>
          <div className="mt-1.5 h-2 overflow-hidden rounded-full bg-sand-200" role="presentation">
            <div className="h-full rounded-full bg-ember-500 transition-[width] duration-500" style={{ width: `${(left / offer.quantity) * 100}%` }} />
          </div>
        </div>
        {onClaim && (
          <button
            type="button"
            className="btn-primary w-full"
            onClick={submit}
            disabled={!canClaim || over || won || claim.kind === "claiming"}
            data-testid="claim-offer"
          >
            {won ? "Claimed" : claim.kind === "claiming" ? "Claiming…" : over ? (status ?? "Offer ended") : `Claim for ${formatMoney(offer.priceCents)}`}
          </button>
        )}
        <p role="status" aria-live="polite" className="min-h-5 text-sm" data-testid="claim-status">
          {claim.kind === "done" && claim.result.outcome === "won" ? (
            <span className="font-semibold text-emerald-800">
              It&apos;s yours! Reserved in your cart for 10 minutes.{" "}
              <Link href="/cart" className="text-ember-700 underline underline-offset-2 hover:text-ember-800">
                Go to cart
              </Link>
            </span>
          ) : claim.kind === "done" ? (
            <span className="text-cocoa-700">{lostText[claim.result.outcome as Exclude<ClaimResult["outcome"], "won">]}</span>
          ) : claim.kind === "error" ? (
            <span className="text-red-700">{claim.message}</span>
          ) : null}
        </p>
      </div>
    </section>
  );
}
