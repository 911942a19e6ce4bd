import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { db, type Tx } from "@/server/db/client";
import { insertRows } from "@/server/db/insert-rows";
import { transact } from "@/server/db/transact";
import { AppError, isUniqueViolation } from "@/server/errors";
import { takeUnits } from "@/server/inventory/stock";
import { LIVE_LIMITS, type ClaimOutcome, type ClaimResult } from "@/realtime/live-stream";

/** The rules of one offer, as the claim path needs them (fixed once the offer is activated). */
export interface OfferTerms {
  id: string;
  showId: string;
  productId: string;
  priceCents: number;
  quantity: number;
  perShopperLimit: number;
  endsAt: Date;
}

export interface ClaimRequest {
  userId: string;
  clientClaimId: string;
}

/** One answer per request: an outcome, or an error for that request alone. */
export type ClaimReply = { result: ClaimResult } | { error: AppError };

export interface ClaimBatch {
  replies: ClaimReply[];
  /** Units claimed as the database said during this batch; null when it did not look. */
  claimed: number | null;
}

type Loss = Exclude<ClaimOutcome, "won">;

const lost = (offer: OfferTerms, outcome: Loss): ClaimReply => ({
  result: { outcome, offerId: offer.id, claimId: null, cartItemId: null, priceCents: offer.priceCents, reservedUntil: null },
});

const won = (offer: OfferTerms, claimId: string, cartItemId: string | null, reservedUntil: Date | null): ClaimReply => ({
  result: { outcome: "won", offerId: offer.id, claimId, cartItemId, priceCents: offer.priceCents, reservedUntil: reservedUntil?.toISOString() ?? null },
});

/** Rolls the batch back and says what every claim in it gets. */
class Closed extends Error {
  constructor(
    readonly outcome: "sold_out" | "expired",
    readonly claimed: number | null,
  ) {
    super(outcome);
  }
}

/** A claim the batch's shoppers already hold, with its cart line (gone once checked out or lapsed). */
interface HeldClaim {
  id: string;
  userId: string;
  clientClaimId: string;
  cartItemId: string | null;
  /** A Date, or what the SQLite driver returns for one. */
  reservedUntil: Date | string | number | null;
}

interface Planned {
  index: number;
  userId: string;
  clientClaimId: string;
  slot: number;
}

/**
 * What the requests' shoppers already hold, in one read: a request whose clientClaimId has a
 * claim is a retry (answered with that claim), a shopper at the limit has already claimed; the
 * rest are planned with their next free slot.
 */
async function plan(offer: OfferTerms, requests: ClaimRequest[]) {
  // Raw: as a model query with the cart relation, Prisma spent ~100 ms of CPU compiling and
  // mapping this read for a batch of 250 (two-core machine); the statement itself takes ~2 ms.
  const rows = await db().$queryRaw<HeldClaim[]>`
    SELECT c."id", c."userId", c."clientClaimId", ci."id" AS "cartItemId", ci."reservedUntil"
    FROM "OfferClaim" c LEFT JOIN "CartItem" ci ON ci."offerClaimId" = c."id"
    WHERE c."offerId" = ${offer.id}
      AND (c."clientClaimId" IN (${Prisma.join(requests.map((r) => r.clientClaimId))}) OR c."userId" IN (${Prisma.join([...new Set(requests.map((r) => r.userId))])}))`;
  const byClientId = new Map(rows.map((r) => [r.clientClaimId, r]));
  const held = new Map<string, number>();
  for (const r of rows) held.set(r.userId, (held.get(r.userId) ?? 0) + 1);
  const replies: (ClaimReply | null)[] = [];
  const planned: Planned[] = [];
  /** The same clientClaimId twice in one batch: the twin gets the first one's answer. */
  const twins: [index: number, of: number][] = [];
  const first = new Map<string, number>();
  requests.forEach((req, index) => {
    const prior = byClientId.get(req.clientClaimId);
    const twinOf = first.get(req.clientClaimId);
    if (prior) {
      replies.push(
        prior.userId === req.userId
          ? won(offer, prior.id, prior.cartItemId, prior.reservedUntil === null ? null : new Date(prior.reservedUntil))
          : { error: new AppError("VALIDATION", "clientClaimId: already used; send a fresh UUID", "clientClaimId") },
      );
    } else if (twinOf !== undefined) {
      replies.push(null);
      twins.push([index, twinOf]);
    } else if ((held.get(req.userId) ?? 0) >= offer.perShopperLimit) {
      replies.push(lost(offer, "already_claimed"));
    } else {
      const slot = (held.get(req.userId) ?? 0) + 1;
      held.set(req.userId, slot);
      first.set(req.clientClaimId, index);
      planned.push({ index, userId: req.userId, clientClaimId: req.clientClaimId, slot });
      replies.push(null);
    }
  });
  const settle = (): ClaimReply[] => {
    for (const [index, of] of twins) {
      const twin = requests[index]!;
      const original = replies[of]!;
      replies[index] =
        requests[of]!.userId === twin.userId
          ? original
          : { error: new AppError("VALIDATION", "clientClaimId: already used; send a fresh UUID", "clientClaimId") };
    }
    return replies.map((r) => r ?? { error: new AppError("INTERNAL", "claim left unanswered") });
  };
  return { replies, planned, settle };
}

/**
 * `planned.length` units at most, decided by one conditional write on the offer row:
 * `claimed = claimed + k WHERE claimed <= quantity - k AND endsAt > now` (quantity is fixed, so
 * this is "claimed + k ≤ quantity"). When fewer units are left, k shrinks to what is left and
 * the write is tried again; the first k planned claims win. In the same transaction the
 * product's real stock goes down by k (orders share it: if it has less, k shrinks again), each
 * winner's claim is inserted with its slot — unique (offerId, userId, slot) with slot ≤
 * perShopperLimit, and unique (offerId, clientClaimId), let the database refuse any double the
 * plan could not see — and each unit lands in its cart at the offer price, reserved for ten
 * minutes. Each unit won is its own inventory.updated in the outbox.
 */
async function write(tx: Tx, offer: OfferTerms, planned: Planned[], now: Date, cap: number) {
  let k = Math.min(planned.length, cap);
  for (;;) {
    const { count } = await tx.offer.updateMany({
      where: { id: offer.id, claimed: { lte: offer.quantity - k }, endsAt: { gt: now } },
      data: { claimed: { increment: k } },
    });
    if (count === 1) break;
    // The terms may be stale (the host can end an offer early): the row says what is left.
    const row = await tx.offer.findUniqueOrThrow({ where: { id: offer.id }, select: { claimed: true, endsAt: true } });
    if (row.endsAt.getTime() <= now.getTime()) throw new Closed(row.claimed >= offer.quantity ? "sold_out" : "expired", row.claimed);
    if (row.claimed >= offer.quantity) throw new Closed("sold_out", row.claimed);
    k = Math.min(k, offer.quantity - row.claimed);
  }
  await takeUnits(tx, offer.productId, k).catch(async (error: unknown) => {
    if (!(error instanceof AppError && error.code === "OUT_OF_STOCK")) throw error;
    const { stock } = await tx.product.findUniqueOrThrow({ where: { id: offer.productId }, select: { stock: true } });
    throw new StockShortfall(stock);
  });
  const winners = planned.slice(0, k).map((p) => ({ ...p, claimId: randomUUID(), cartItemId: randomUUID() }));
  await insertRows(
    tx,
    "OfferClaim",
    ["id", "offerId", "userId", "slot", "clientClaimId", "createdAt"],
    winners.map((w) => [w.claimId, offer.id, w.userId, w.slot, w.clientClaimId, now]),
  );
  const reservedUntil = new Date(now.getTime() + LIVE_LIMITS.reservationMinutes * 60_000);
  await insertRows(
    tx,
    "CartItem",
    ["id", "userId", "productId", "quantity", "unitPriceCents", "offerClaimId", "reservedUntil", "createdAt", "updatedAt"],
    winners.map((w) => [w.cartItemId, w.userId, offer.productId, 1, offer.priceCents, w.claimId, reservedUntil, now, now]),
  );
  const { claimed } = await tx.offer.findUniqueOrThrow({ where: { id: offer.id }, select: { claimed: true } });
  return { winners, reservedUntil, claimed };
}

class StockShortfall extends Error {
  constructor(readonly stock: number) {
    super("stock shortfall");
  }
}

/**
 * Claims of one offer, decided together: one read for what the shoppers already hold, one
 * transaction for the units. A burst of thousands costs a few dozen statements per batch
 * instead of a transaction per shopper. Call nudgeNotifications() after a batch with winners.
 */
export async function claimOffers(offer: OfferTerms, requests: ClaimRequest[], now = new Date()): Promise<ClaimBatch> {
  const { replies, planned, settle } = await plan(offer, requests);
  if (planned.length === 0) return { replies: settle(), claimed: null };
  let cap = planned.length;
  for (;;) {
    try {
      const { winners, reservedUntil, claimed } = await transact((tx) => write(tx, offer, planned, now, cap));
      for (const w of winners) replies[w.index] = won(offer, w.claimId, w.cartItemId, reservedUntil);
      for (const p of planned.slice(winners.length)) replies[p.index] = lost(offer, "sold_out");
      return { replies: settle(), claimed };
    } catch (error) {
      if (error instanceof StockShortfall && error.stock > 0) {
        cap = Math.min(cap, error.stock);
        continue;
      }
      if (error instanceof StockShortfall || error instanceof Closed) {
        const outcome = error instanceof Closed ? error.outcome : "sold_out";
        for (const p of planned) replies[p.index] = lost(offer, outcome);
        return { replies: settle(), claimed: error instanceof Closed ? error.claimed : null };
      }
      // Another instance committed a claim this plan could not see (same shopper's slot, or
      // the same clientClaimId): the batch rolled back whole; decide its claims one by one.
      if (!isUniqueViolation(error)) throw error;
      if (requests.length > 1) return oneByOne(offer, requests, now);
      // A lone claim lost its race: what the winner committed is visible now. A retry or a
      // shopper at the limit is answered from it; a shopper with a slot left claims again
      // (each lost race is another committed claim of theirs, so this ends within the limit).
      const again = await plan(offer, requests);
      if (again.planned.length === 0) return { replies: again.settle(), claimed: null };
      return claimOffers(offer, requests, now);
    }
  }
}

async function oneByOne(offer: OfferTerms, requests: ClaimRequest[], now: Date): Promise<ClaimBatch> {
  const replies: ClaimReply[] = [];
  let claimed: number | null = null;
  for (const request of requests) {
    const one = await claimOffers(offer, [request], now);
    replies.push(one.replies[0]!);
    claimed = one.claimed ?? claimed;
  }
  return { replies, claimed };
}

/**
 * Claims on an offer nobody can win any more (known sold out or expired): only a retry of a won
 * claim or the shopper's limit can change the answer, and that takes one read for the batch.
 */
export async function refuseClaims(offer: OfferTerms, requests: ClaimRequest[], outcome: "sold_out" | "expired"): Promise<ClaimReply[]> {
  const { replies, planned, settle } = await plan(offer, requests);
  for (const p of planned) replies[p.index] = lost(offer, outcome);
  return settle();
}
