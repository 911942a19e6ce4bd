import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { claimOffer, refusedClaim, type OfferTerms } from "@/server/live/claim-offer";
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

interface Broadcast {
  timer: ReturnType<typeof setTimeout> | null;
  sent: number;
}

/**
 * Flash offers on this instance: the claim path, the expiry timers, and the offer_claimed
 * broadcast (at most one per offer per window, always with the latest count).
 *
 * Claims for one offer run one at a time here. They would anyway — every winner updates the same
 * offer row, so the database serialises them on its lock — but queued here, a claim that reaches
 * the front after the last unit went is answered from memory instead of opening a transaction:
 * a 5,000-shopper burst costs about `quantity` transactions, not 5,000.
 */
export function createOfferDesk(ctx: ServiceContext, shows: ShowCache, stats: Stats) {
  const offers = new Map<string, Promise<OfferEntry>>();
  const queues = new Map<string, Promise<unknown>>();
  const expiries = new Map<string, ReturnType<typeof setTimeout>>();
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
          return { terms: { id, showId, productId, priceCents, quantity, perShopperLimit, endsAt }, soldOut: o.claimed >= o.quantity, claimed: o.claimed };
        });
      offers.set(offerId, e);
      e.catch(() => offers.delete(offerId));
    }
    return e;
  }

  function serialize<T>(offerId: string, fn: () => Promise<T>): Promise<T> {
    const run = (queues.get(offerId) ?? Promise.resolve()).then(fn, fn);
    const tail = run.catch(() => undefined);
    queues.set(offerId, tail);
    void tail.then(() => queues.get(offerId) === tail && queues.delete(offerId));
    return run;
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

  async function claim(userId: string, offerId: string, clientClaimId: string): Promise<ClaimResult> {
    const e = await entry(offerId);
    const { terms } = e;
    const closed = () => (e.soldOut ? "sold_out" : Date.now() >= terms.endsAt.getTime() ? "expired" : null);
    const before = closed();
    if (before) return refusedClaim(terms, userId, clientClaimId, before);
    const attempt = await serialize(offerId, async () => (closed() ? null : claimOffer(terms, userId, clientClaimId, new Date())));
    if (!attempt) return refusedClaim(terms, userId, clientClaimId, closed() ?? "sold_out");
    if (attempt.claimed !== null) {
      e.claimed = Math.max(e.claimed, attempt.claimed);
      if (e.claimed >= terms.quantity) e.soldOut = true;
    }
    // The database saw it ended earlier than these terms say (the host ended it elsewhere).
    if (attempt.result.outcome === "expired" && terms.endsAt.getTime() > Date.now()) terms.endsAt = new Date();
    if (attempt.result.outcome === "won" && attempt.claimed !== null) {
      nudgeNotifications();
      stats.count(terms.showId, "offerClaims");
      stats.product(terms.showId, terms.productId, "cartAdds");
      shows.staleSnapshot(terms.showId);
      sendClaimed(e);
      if (e.soldOut) void end(offerId, terms.showId, "sold_out");
    }
    return attempt.result;
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
    },
    stop() {
      expiries.forEach(clearTimeout);
      broadcasts.forEach((b) => b.timer && clearTimeout(b.timer));
    },
  };
}
export type OfferDesk = ReturnType<typeof createOfferDesk>;
