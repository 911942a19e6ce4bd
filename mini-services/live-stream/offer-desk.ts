import { dropExpiredReservations } from "@/server/cart/cart";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { claimOffers, refuseClaims, type ClaimReply, type ClaimRequest, type OfferTerms } from "@/server/live/claim-offer";
import { pendingOffers } from "@/server/live/offers";
import { nudgeNotifications } from "@/server/outbox/nudge";
import type { ServiceContext } from "@/server/service/start-service";
import { LIVE_LIMITS, showRoom, type ClaimResult, type OfferEnded, type OfferView } from "@/realtime/live-stream";
import type { ShowCache } from "./show-cache";
import type { Stats } from "./stats";
import { broadcast } from "./broadcast";

interface OfferEntry {
  terms: OfferTerms;
  /** Monotonic facts learnt from the database: once true, no claim can win again. */
  soldOut: boolean;
  claimed: number;
}

interface Waiting {
  request: ClaimRequest;
  resolve: (result: ClaimResult) => void;
  reject: (error: unknown) => void;
}

const closedReason = (e: OfferEntry) => (e.soldOut ? "sold_out" : Date.now() >= e.terms.endsAt.getTime() ? "expired" : null);

/** Claims decided together (one read, one transaction per batch); 250 keeps the read within the 999 parameters Prisma allows SQLite. */
const BATCH = 250;
const RESERVATION_SWEEP_MS = Number(process.env.RESERVATION_SWEEP_MS ?? 30_000);

interface Broadcast {
  timer: ReturnType<typeof setTimeout> | null;
  sent: number;
}

/**
 * Flash offers on this instance: the claim path, the expiry timers, and the offer_claimed
 * broadcast (at most one per offer per window, always with the latest count).
 *
 * Claims for one offer are decided in batches, one batch at a time. They would be serialised
 * anyway — every winner updates the same offer row, so the database queues them on its lock —
 * but batched, a burst of 5,000 shoppers costs about ten reads and a transaction or two instead
 * of 5,000 transactions, and once the last unit is gone the rest are answered without writing.
 */
export function createOfferDesk(ctx: ServiceContext, shows: ShowCache, stats: Stats) {
  const offers = new Map<string, Promise<OfferEntry>>();
  const expiries = new Map<string, ReturnType<typeof setTimeout>>();
  let sweeper: ReturnType<typeof setInterval> | undefined;
  const broadcasts = new Map<string, Broadcast>();
  const ended = new Set<string>();

  function entry(offerId: string): Promise<OfferEntry> {
    let e = offers.get(offerId);
    if (!e) {
      e = db()
        .offer.findUnique({ where: { id: offerId } })
        .then((o) => {
          if (!o) throw new AppError("NOT_FOUND", "This offer does not exist");
          const { id, showId, productId, priceCents, quantity, perShopperLimit, endsAt } = o;
          // Not only the instance that activated it times its end: any instance serving claims
          // does too, so offer_ended goes out even if that one is gone (Redis keeps it once).
          if (o.claimed < o.quantity) scheduleExpiry(id, showId, endsAt);
          return { terms: { id, showId, productId, priceCents, quantity, perShopperLimit, endsAt }, soldOut: o.claimed >= o.quantity, claimed: o.claimed };
        });
      offers.set(offerId, e);
      e.catch(() => offers.delete(offerId));
    }
    return e;
  }

  function sendClaimed(e: OfferEntry) {
    const { id, showId, quantity } = e.terms;
    const b = broadcasts.get(id) ?? { timer: null, sent: -1 };
    broadcasts.set(id, b);
    const emit = () => {
      if (b.sent === e.claimed) return;
      b.sent = e.claimed;
      broadcast(ctx, showRoom(showId), "offer_claimed", { showId, offerId: id, claimed: e.claimed, quantity, remaining: Math.max(0, quantity - e.claimed) });
    };
    if (b.timer) return; // the trailing emit of this window will carry the latest count
    emit();
    b.timer = setTimeout(() => {
      b.timer = null;
      emit();
    }, LIVE_LIMITS.coalesceMs);
  }

  /** offer_ended once per offer, whichever instance notices first (Redis decides between them). */
  async function end(offerId: string, showId: string, reason: OfferEnded["reason"]) {
    if (ended.has(offerId)) return;
    ended.add(offerId);
    clearTimeout(expiries.get(offerId));
    expiries.delete(offerId);
    if (ctx.redis && !(await ctx.redis.set(`live:offer-ended:${offerId}`, reason, "EX", 24 * 3600, "NX").catch(() => "OK"))) return;
    shows.staleSnapshot(showId);
    broadcast(ctx, showRoom(showId), "offer_ended", { showId, offerId, reason });
  }

  function scheduleExpiry(offerId: string, showId: string, endsAt: Date) {
    clearTimeout(expiries.get(offerId));
    const timer = setTimeout(() => void end(offerId, showId, "expired"), Math.max(0, endsAt.getTime() - Date.now()));
    timer.unref?.();
    expiries.set(offerId, timer);
  }

  /** Claims waiting for their offer's next batch, in arrival order. */
  const waiting = new Map<string, Waiting[]>();
  const draining = new Set<string>();

  async function decide(e: OfferEntry, batch: Waiting[]): Promise<ClaimReply[]> {
    const requests = batch.map((w) => w.request);
    const closed = closedReason(e);
    if (closed) return refuseClaims(e.terms, requests, closed);
    const { replies, claimed } = await claimOffers(e.terms, requests, new Date());
    if (claimed !== null) {
      e.claimed = Math.max(e.claimed, claimed);
      if (e.claimed >= e.terms.quantity) e.soldOut = true;
    }
    const outcomes = replies.map((r) => ("result" in r ? r.result.outcome : null));
    // The database saw it ended earlier than these terms say (the host ended it elsewhere).
    if (outcomes.includes("expired") && e.terms.endsAt.getTime() > Date.now()) e.terms.endsAt = new Date();
    const wins = claimed === null ? 0 : outcomes.filter((o) => o === "won").length;
    if (wins > 0) {
      nudgeNotifications();
      stats.count(e.terms.showId, "offerClaims", wins);
      stats.product(e.terms.showId, e.terms.productId, "cartAdds", wins);
      shows.staleSnapshot(e.terms.showId);
      sendClaimed(e);
      if (e.soldOut) void end(e.terms.id, e.terms.showId, "sold_out");
    }
    return replies;
  }

  async function drain(e: OfferEntry) {
    const offerId = e.terms.id;
    draining.add(offerId);
    // One turn of the event loop lets a burst that arrived together be decided together.
    await new Promise((resolve) => setImmediate(resolve));
    for (let queue = waiting.get(offerId); queue?.length; queue = waiting.get(offerId)) {
      const batch = queue.splice(0, BATCH);
      try {
        const started = performance.now();
        const replies = await decide(e, batch);
        ctx.log.debug("claims decided", { offerId, batch: batch.length, waiting: queue.length, ms: Math.round(performance.now() - started) });
        batch.forEach((w, i) => {
          const reply = replies[i]!;
          if ("result" in reply) w.resolve(reply.result);
          else w.reject(reply.error);
        });
      } catch (error) {
        batch.forEach((w) => w.reject(error));
      }
    }
    // No await between the empty check above and here: a claim arriving now starts a new drain.
    waiting.delete(offerId);
    draining.delete(offerId);
  }

  async function claim(userId: string, offerId: string, clientClaimId: string): Promise<ClaimResult> {
    const e = await entry(offerId);
    return new Promise<ClaimResult>((resolve, reject) => {
      const queue = waiting.get(offerId) ?? [];
      queue.push({ request: { userId, clientClaimId }, resolve, reject });
      waiting.set(offerId, queue);
      if (!draining.has(offerId)) void drain(e);
    });
  }

  return {
    claim,
    showOf: async (offerId: string) => (await entry(offerId)).terms.showId,
    activated(offer: OfferView) {
      scheduleExpiry(offer.id, offer.showId, new Date(offer.endsAt));
      broadcast(ctx, showRoom(offer.showId), "offer_activated", offer);
    },
    /** The host ended it (or the show): claims on this instance see it at once. */
    async endedEarly(offerId: string, showId: string, reason: "ended" | "expired" = "ended") {
      const e = await offers.get(offerId);
      if (e) e.terms.endsAt = new Date(Math.min(e.terms.endsAt.getTime(), Date.now()));
      await end(offerId, showId, reason);
    },
    /** Offers still running when this instance starts get their expiry timers again. */
    async resume() {
      for (const o of await pendingOffers()) scheduleExpiry(o.id, o.showId, o.endsAt);
      // Won units a shopper never checked out go back to stock when the reservation lapses.
      // Every instance may sweep: each line is released by a conditional delete, so once.
      sweeper = setInterval(() => {
        dropExpiredReservations(null).catch((error) => ctx.log.warn("reservation sweep failed", { error: String(error) }));
      }, RESERVATION_SWEEP_MS);
    },
    stop() {
      clearInterval(sweeper);
      expiries.forEach(clearTimeout);
      broadcasts.forEach((b) => b.timer && clearTimeout(b.timer));
    },
  };
}
export type OfferDesk = ReturnType<typeof createOfferDesk>;
