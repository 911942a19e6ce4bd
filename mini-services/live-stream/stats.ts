import { minuteOf, recordStats, showAnalytics, type BucketDelta, type ProductDelta, type StatsBatch } from "@/server/live/analytics";
import type { ServiceContext } from "@/server/service/start-service";
import { hostRoom, LIVE_LIMITS } from "@/realtime/live-stream";
import type { Audience } from "./audience";
import { broadcast } from "./broadcast";

type Counter = "messages" | "reactions" | "productClicks" | "cartAdds" | "offerClaims";
type ProductCounter = "views" | "clicks" | "cartAdds";

/**
 * Show analytics, counted in memory and written in one transaction every few seconds (and at
 * shutdown): a 10,000-viewer show costs the database one flush per interval, not a write per
 * click. After each flush the host room gets analytics_update from the stored totals, which
 * every instance adds to, so the numbers are the show's, not this instance's.
 */
export function createStats(ctx: ServiceContext, audience: Audience) {
  let buckets = new Map<string, BucketDelta>();
  let products = new Map<string, ProductDelta>();
  let newViewers: StatsBatch["viewers"] = [];
  const seen = new Map<string, Set<string>>();
  let lastTick = Date.now();
  let flushing: Promise<void> = Promise.resolve();

  const bucket = (showId: string, now = Date.now()): BucketDelta => {
    const minute = minuteOf(now);
    const key = `${showId}\t${minute.getTime()}`;
    let b = buckets.get(key);
    if (!b) {
      b = { showId, minute, viewers: null, peakViewers: 0, messages: 0, reactions: 0, productClicks: 0, cartAdds: 0, offerClaims: 0, watchSeconds: 0 };
      buckets.set(key, b);
    }
    return b;
  };

  function sampleViewers(showId: string, count = audience.count(showId)) {
    const b = bucket(showId);
    b.viewers = count;
    b.peakViewers = Math.max(b.peakViewers, count);
  }

  async function flush() {
    const now = Date.now();
    const elapsed = (now - lastTick) / 1000;
    lastTick = now;
    for (const [showId, people] of audience.localPeople()) {
      sampleViewers(showId);
      bucket(showId, now).watchSeconds += Math.round(people * elapsed);
    }
    const batch: StatsBatch = { buckets: [...buckets.values()], products: [...products.values()], viewers: newViewers };
    buckets = new Map();
    products = new Map();
    newViewers = [];
    try {
      await recordStats(batch);
    } catch (error) {
      ctx.log.error("analytics flush failed; counters kept for the next one", { error: String(error) });
      for (const b of batch.buckets) merge(b);
      for (const p of batch.products) {
        const into = product(p.showId, p.productId);
        for (const k of ["views", "clicks", "cartAdds"] as const) into[k] += p[k];
      }
      newViewers.push(...batch.viewers);
    }
  }

  function merge(b: BucketDelta) {
    const into = bucket(b.showId, b.minute.getTime());
    into.viewers ??= b.viewers;
    into.peakViewers = Math.max(into.peakViewers, b.peakViewers);
    for (const k of ["messages", "reactions", "productClicks", "cartAdds", "offerClaims", "watchSeconds"] as const) into[k] += b[k];
  }

  function product(showId: string, productId: string): ProductDelta {
    const key = `${showId}\t${productId}`;
    let p = products.get(key);
    if (!p) {
      p = { showId, productId, views: 0, clicks: 0, cartAdds: 0 };
      products.set(key, p);
    }
    return p;
  }

  /** Flushes, then tells each host room this instance serves the show's totals. */
  async function tick() {
    await (flushing = flushing.then(flush));
    const rooms = ctx.io.sockets.adapter.rooms;
    for (const showId of audience.localShows()) {
      if (!rooms.get(hostRoom(showId))?.size) continue;
      try {
        broadcast(ctx, hostRoom(showId), "analytics_update", await showAnalytics(showId, audience.count(showId)));
      } catch (error) {
        ctx.log.warn("analytics_update failed", { showId, error: String(error) });
      }
    }
  }
  const timer = setInterval(() => void tick(), LIVE_LIMITS.analyticsEveryMs);
  timer.unref?.();

  return {
    count(showId: string, counter: Counter, n = 1) {
      bucket(showId)[counter] += n;
    },
    product(showId: string, productId: string, counter: ProductCounter, n = 1) {
      product(showId, productId)[counter] += n;
    },
    /** A viewer seen in the show; written once per instance, deduplicated by the database. */
    viewer(showId: string, viewerKey: string) {
      const keys = seen.get(showId) ?? new Set<string>();
      seen.set(showId, keys);
      if (keys.has(viewerKey)) return;
      keys.add(viewerKey);
      newViewers.push({ showId, viewerKey });
    },
    sampleViewers,
    /** Everything counted so far is stored (a show ending, shutdown). */
    flush: () => (flushing = flushing.then(flush)),
    /** The show is over: its viewers need not be remembered for deduplication any more. */
    forget: (showId: string) => seen.delete(showId),
    stop() {
      clearInterval(timer);
      return (flushing = flushing.then(flush));
    },
  };
}
export type Stats = ReturnType<typeof createStats>;
