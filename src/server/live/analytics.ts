import { db, type Tx } from "@/server/db/client";
import { isPostgresUrl, env } from "@/server/env";
import type { ProductFunnel, SeriesPoint, ShowAnalytics } from "@/realtime/live-stream";

/** Counters of one show for one minute, as the service aggregated them since its last flush. */
export interface BucketDelta {
  showId: string;
  minute: Date;
  /** The latest viewer count seen in that minute, when one was seen. */
  viewers: number | null;
  peakViewers: number;
  messages: number;
  reactions: number;
  productClicks: number;
  cartAdds: number;
  offerClaims: number;
  watchSeconds: number;
}

export interface ProductDelta {
  showId: string;
  productId: string;
  views: number;
  clicks: number;
  cartAdds: number;
}

export interface StatsBatch {
  buckets: BucketDelta[];
  products: ProductDelta[];
  viewers: { showId: string; viewerKey: string }[];
}

export const minuteOf = (ms: number) => new Date(ms - (ms % 60_000));

const VIEWER_ROWS_PER_INSERT = 400;

/** Inserts viewers once each; a key another instance (or an earlier run) wrote is skipped. */
async function insertViewers(tx: Tx, rows: StatsBatch["viewers"]) {
  const postgres = isPostgresUrl(env().DATABASE_URL);
  for (let i = 0; i < rows.length; i += VIEWER_ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + VIEWER_ROWS_PER_INSERT);
    const values = chunk.map((_, j) => (postgres ? `($${2 * j + 1}, $${2 * j + 2})` : "(?, ?)")).join(", ");
    await tx.$executeRawUnsafe(
      `INSERT INTO "ShowViewer" ("showId", "viewerKey") VALUES ${values} ON CONFLICT DO NOTHING`,
      ...chunk.flatMap((r) => [r.showId, r.viewerKey]),
    );
  }
}

/** One transaction per flush, however many viewers clicked: that is the point of batching. */
export async function recordStats(batch: StatsBatch): Promise<void> {
  if (batch.buckets.length + batch.products.length + batch.viewers.length === 0) return;
  await db().$transaction(
    async (tx) => {
      for (const b of batch.buckets) {
        const counts = {
          messages: b.messages,
          reactions: b.reactions,
          productClicks: b.productClicks,
          cartAdds: b.cartAdds,
          offerClaims: b.offerClaims,
          watchSeconds: b.watchSeconds,
        };
        const where = { showId_minute: { showId: b.showId, minute: b.minute } };
        await tx.showStatBucket.upsert({
          where,
          create: { showId: b.showId, minute: b.minute, viewers: b.viewers ?? 0, peakViewers: b.peakViewers, ...counts },
          update: {
            ...(b.viewers === null ? {} : { viewers: b.viewers }),
            ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, { increment: v }])),
          },
        });
        // A conditional write keeps the maximum without reading it first.
        await tx.showStatBucket.updateMany({
          where: { showId: b.showId, minute: b.minute, peakViewers: { lt: b.peakViewers } },
          data: { peakViewers: b.peakViewers },
        });
      }
      for (const p of batch.products) {
        await tx.showProductStat.upsert({
          where: { showId_productId: { showId: p.showId, productId: p.productId } },
          create: p,
          update: { views: { increment: p.views }, clicks: { increment: p.clicks }, cartAdds: { increment: p.cartAdds } },
        });
      }
      if (batch.viewers.length) await insertViewers(tx, batch.viewers);
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
}

const LIVE_ORDER_STATUSES = ["PENDING", "PAID", "PROCESSING", "SHIPPED", "DELIVERED"] as const;

/** Orders the show brought: placed from the show, or paying for a unit won in one of its offers. */
async function attributedOrders(showId: string) {
  const claims = await db().offerClaim.findMany({ where: { offer: { showId } }, select: { id: true } });
  return db().order.findMany({
    where: {
      status: { in: [...LIVE_ORDER_STATUSES] },
      OR: [{ showId }, ...(claims.length ? [{ items: { some: { offerClaimId: { in: claims.map((c) => c.id) } } } }] : [])],
    },
    select: { totalCents: true, items: { select: { productId: true, quantity: true } } },
  });
}

/**
 * Everything the host console and the report show, from the flushed counters plus the orders.
 * `currentViewers` comes from the live count (the database does not hold it).
 */
export async function showAnalytics(showId: string, currentViewers = 0, now = new Date()): Promise<ShowAnalytics> {
  const [buckets, productStats, listed, uniqueViewers, orders] = await Promise.all([
    db().showStatBucket.findMany({ where: { showId }, orderBy: { minute: "asc" } }),
    db().showProductStat.findMany({ where: { showId } }),
    db().showProduct.findMany({ where: { showId }, orderBy: { position: "asc" }, select: { product: { select: { id: true, name: true } } } }),
    db().showViewer.count({ where: { showId } }),
    attributedOrders(showId),
  ]);
  const sum = (k: "messages" | "reactions" | "productClicks" | "cartAdds" | "offerClaims" | "watchSeconds") => buckets.reduce((n, b) => n + b[k], 0);
  const lastFullMinute = minuteOf(now.getTime() - 60_000).getTime();
  const purchases = new Map<string, number>();
  for (const order of orders) for (const item of order.items) purchases.set(item.productId, (purchases.get(item.productId) ?? 0) + item.quantity);
  const statsOf = new Map(productStats.map((s) => [s.productId, s]));
  const products: ProductFunnel[] = listed.map(({ product }) => ({
    productId: product.id,
    name: product.name,
    views: statsOf.get(product.id)?.views ?? 0,
    clicks: statsOf.get(product.id)?.clicks ?? 0,
    cartAdds: statsOf.get(product.id)?.cartAdds ?? 0,
    purchases: purchases.get(product.id) ?? 0,
  }));
  const series: SeriesPoint[] = buckets.map((b) => ({
    minute: b.minute.toISOString(),
    viewers: b.viewers,
    peakViewers: b.peakViewers,
    messages: b.messages,
    reactions: b.reactions,
    productClicks: b.productClicks,
    cartAdds: b.cartAdds,
    offerClaims: b.offerClaims,
  }));
  return {
    showId,
    at: now.toISOString(),
    currentViewers,
    peakViewers: Math.max(currentViewers, ...buckets.map((b) => b.peakViewers)),
    uniqueViewers,
    watchSeconds: sum("watchSeconds"),
    messages: sum("messages"),
    messagesPerMinute: buckets.find((b) => b.minute.getTime() === lastFullMinute)?.messages ?? 0,
    reactions: sum("reactions"),
    productClicks: sum("productClicks"),
    cartAdds: sum("cartAdds"),
    offerClaims: sum("offerClaims"),
    orders: orders.length,
    revenueCents: orders.reduce((n, o) => n + o.totalCents, 0),
    series,
    products,
  };
}
