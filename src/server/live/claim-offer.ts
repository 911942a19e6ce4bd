import { db } from "@/server/db/client";
import { transact } from "@/server/db/transact";
import { AppError, isUniqueViolation } from "@/server/errors";
import { takeStock } from "@/server/inventory/stock";
import { LIVE_LIMITS, type ClaimOutcome, type ClaimResult } from "@/realtime/live-stream";

/** The rules of one offer, as the claim path needs them (they never change once activated). */
export interface OfferTerms {
  id: string;
  showId: string;
  productId: string;
  priceCents: number;
  quantity: number;
  perShopperLimit: number;
  endsAt: Date;
}

export interface ClaimAttempt {
  result: ClaimResult;
  /** Units claimed as this attempt saw them in the database; null when it did not look. */
  claimed: number | null;
}

class Refusal extends Error {
  constructor(
    readonly outcome: Exclude<ClaimOutcome, "won">,
    readonly claimed: number | null = null,
  ) {
    super(outcome);
  }
}

const lost = (offer: OfferTerms, outcome: Exclude<ClaimOutcome, "won">): ClaimResult => ({
  outcome,
  offerId: offer.id,
  claimId: null,
  cartItemId: null,
  priceCents: offer.priceCents,
  reservedUntil: null,
});

/**
 * What the shopper already holds, read without writing: a claim with this clientClaimId is
 * returned as won (a retry, not a second claim); a shopper at the limit has already claimed.
 * Null when only a write can decide.
 */
export async function priorClaim(offer: OfferTerms, userId: string, clientClaimId: string): Promise<ClaimResult | null> {
  const claims = await db().offerClaim.findMany({
    where: { offerId: offer.id, OR: [{ clientClaimId }, { userId }] },
    select: { id: true, userId: true, clientClaimId: true, cartItem: { select: { id: true, reservedUntil: true } } },
  });
  const retry = claims.find((c) => c.clientClaimId === clientClaimId);
  if (retry) {
    if (retry.userId !== userId) throw new AppError("VALIDATION", "clientClaimId: already used; send a fresh UUID", "clientClaimId");
    return {
      outcome: "won",
      offerId: offer.id,
      claimId: retry.id,
      cartItemId: retry.cartItem?.id ?? null,
      priceCents: offer.priceCents,
      reservedUntil: retry.cartItem?.reservedUntil?.toISOString() ?? null,
    };
  }
  return claims.length >= offer.perShopperLimit ? lost(offer, "already_claimed") : null;
}

/**
 * The outcome when the offer can no longer be won by anyone (known sold out or expired): only a
 * retry of a won claim or the shopper's own limit can say otherwise, and that needs no write.
 */
export async function refusedClaim(offer: OfferTerms, userId: string, clientClaimId: string, outcome: "sold_out" | "expired"): Promise<ClaimResult> {
  return (await priorClaim(offer, userId, clientClaimId)) ?? lost(offer, outcome);
}

/**
 * One unit of a flash offer, decided by one conditional write: `claimed = claimed + 1 WHERE
 * claimed < quantity AND endsAt > now` either matches or the offer is gone. In the same
 * transaction the product's real stock goes down (orders share it), the claim takes the
 * shopper's next slot — unique (offerId, userId, slot) with slot ≤ perShopperLimit makes the
 * limit exact whatever the concurrency — and the unit lands in the cart at the offer price,
 * reserved for ten minutes. The stock change goes out through the outbox: call
 * nudgeNotifications() after a win.
 */
export async function claimOffer(offer: OfferTerms, userId: string, clientClaimId: string, now = new Date()): Promise<ClaimAttempt> {
  const prior = await priorClaim(offer, userId, clientClaimId);
  if (prior) return { result: prior, claimed: null };
  try {
    return await transact(async (tx) => {
      const { count } = await tx.offer.updateMany({
        where: { id: offer.id, claimed: { lt: tx.offer.fields.quantity }, endsAt: { gt: now } },
        data: { claimed: { increment: 1 } },
      });
      if (count === 0) {
        // The terms may be stale (the host can end an offer early): the row says which it is.
        const row = await tx.offer.findUniqueOrThrow({ where: { id: offer.id }, select: { claimed: true, quantity: true } });
        throw new Refusal(row.claimed >= row.quantity ? "sold_out" : "expired", row.claimed);
      }
      const slot = (await tx.offerClaim.count({ where: { offerId: offer.id, userId } })) + 1;
      if (slot > offer.perShopperLimit) throw new Refusal("already_claimed");
      await takeStock(tx, offer.productId, 1).catch((error: unknown) => {
        throw error instanceof AppError && error.code === "OUT_OF_STOCK" ? new Refusal("sold_out") : error;
      });
      const claim = await tx.offerClaim.create({ data: { offerId: offer.id, userId, slot, clientClaimId }, select: { id: true } });
      const reservedUntil = new Date(now.getTime() + LIVE_LIMITS.reservationMinutes * 60_000);
      const item = await tx.cartItem.create({
        data: { userId, productId: offer.productId, quantity: 1, unitPriceCents: offer.priceCents, offerClaimId: claim.id, reservedUntil },
        select: { id: true },
      });
      const { claimed } = await tx.offer.findUniqueOrThrow({ where: { id: offer.id }, select: { claimed: true } });
      const result: ClaimResult = {
        outcome: "won",
        offerId: offer.id,
        claimId: claim.id,
        cartItemId: item.id,
        priceCents: offer.priceCents,
        reservedUntil: reservedUntil.toISOString(),
      };
      return { result, claimed };
    });
  } catch (error) {
    if (error instanceof Refusal) return { result: lost(offer, error.outcome), claimed: error.claimed };
    // A concurrent twin (same clientClaimId, or the same shopper's same slot on another
    // instance) committed first: the database refused this one and rolled it back.
    if (isUniqueViolation(error)) return { result: (await priorClaim(offer, userId, clientClaimId)) ?? lost(offer, "already_claimed"), claimed: null };
    throw error;
  }
}
