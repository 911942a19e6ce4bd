import type { Db } from "@/server/db/client";

const HOST_EMAIL = "host@calor.dev";
const VIDEO = "/media/demo-show.mp4";
const MINUTE = 60_000;

interface DemoShow {
  id: string;
  title: string;
  description: string;
  skus: string[];
  status: "LIVE" | "SCHEDULED" | "ENDED";
  /** Minutes from now (negative: in the past). */
  startsIn: number;
  minutes?: number;
}

const shows: DemoShow[] = [
  {
    id: "demo-live-show",
    title: "Warm Up Live: winter knits & cosy nights",
    description: "Harper tries on this season's knits, lights a few candles and drops flash offers all evening. Ask anything in the chat!",
    skus: ["APP-001", "APP-004", "HOM-001", "APP-005", "BEA-002"],
    status: "LIVE",
    startsIn: -12,
  },
  {
    id: "demo-upcoming-show",
    title: "Sunday slow coffee",
    description: "Pour-over basics, the mugs we love and a single-origin tasting. RSVP and we will tell you when we go live.",
    skus: ["KIT-001", "KIT-002", "PAN-003", "OUT-005"],
    status: "SCHEDULED",
    startsIn: 26 * 60,
  },
  {
    id: "demo-past-show",
    title: "Camp-fire gear drop",
    description: "Flasks, blankets and hand warmers for cold evenings outside.",
    skus: ["OUT-001", "OUT-003", "OUT-004", "PAN-002"],
    status: "ENDED",
    startsIn: -2 * 24 * 60,
    minutes: 45,
  },
];

const minuteOf = (ms: number) => new Date(ms - (ms % MINUTE));

/** A believable audience curve for the past show's report: builds up, peaks, tails off. */
function pastBuckets(showId: string, start: number, minutes: number) {
  return Array.from({ length: minutes }, (_, i) => {
    const shape = Math.sin((Math.PI * (i + 1)) / (minutes + 1));
    const viewers = Math.round(20 + 160 * shape);
    return {
      showId,
      minute: minuteOf(start + i * MINUTE),
      viewers,
      peakViewers: viewers + (i % 3),
      messages: Math.round(4 + 30 * shape * shape),
      reactions: Math.round(10 + 70 * shape),
      productClicks: Math.round(2 + 14 * shape),
      cartAdds: Math.round(1 + 5 * shape),
      offerClaims: i === 20 ? 25 : i === 21 ? 15 : 0,
      watchSeconds: viewers * 55,
    };
  });
}

/**
 * The demo shows of the demo host: one live now (with the bundled clip), one tomorrow, one from
 * two days ago with a full report. Idempotent: keyed by fixed ids; existing shows are left as
 * they are, so running it again never undoes a show that was ended or edited.
 */
export async function seedLive(db: Db): Promise<void> {
  const host = await db.user.findUnique({ where: { email: HOST_EMAIL } });
  if (!host) {
    console.log("seed: no demo host account, no demo shows");
    return;
  }
  const now = Date.now();
  for (const demo of shows) {
    if (await db.show.findUnique({ where: { id: demo.id } })) continue;
    const products = await db.product.findMany({ where: { sku: { in: demo.skus } }, select: { id: true, sku: true } });
    const ordered = demo.skus.flatMap((sku) => products.filter((p) => p.sku === sku));
    const start = now + demo.startsIn * MINUTE;
    const end = demo.minutes ? start + demo.minutes * MINUTE : null;
    await db.show.create({
      data: {
        id: demo.id,
        hostId: host.id,
        title: demo.title,
        description: demo.description,
        videoUrl: VIDEO,
        status: demo.status,
        scheduledAt: new Date(start),
        startedAt: demo.status === "SCHEDULED" ? null : new Date(start),
        endedAt: end ? new Date(end) : null,
        featuredProductId: demo.status === "LIVE" ? (ordered[0]?.id ?? null) : null,
        products: { create: ordered.map((p, position) => ({ productId: p.id, position })) },
      },
    });
    if (demo.status === "LIVE") {
      await db.showMessage.createMany({
        data: [
          { showId: demo.id, userId: host.id, userName: host.name, body: "Welcome in! Grab a warm drink, the first flash offer drops in a few minutes." },
          { showId: demo.id, userId: host.id, userName: host.name, body: "Tell me in the chat which colour you want to see next." },
        ].map((m, i) => ({ ...m, createdAt: new Date(now - (5 - i) * MINUTE) })),
      });
    }
    if (demo.status === "ENDED" && demo.minutes) {
      await db.showStatBucket.createMany({ data: pastBuckets(demo.id, start, demo.minutes) });
      await db.showViewer.createMany({ data: Array.from({ length: 212 }, (_, i) => ({ showId: demo.id, viewerKey: `seed:${i}` })) });
      await db.showProductStat.createMany({
        data: ordered.map((p, i) => ({ showId: demo.id, productId: p.id, views: 180 - i * 30, clicks: 64 - i * 12, cartAdds: 21 - i * 4 })),
      });
    }
  }
  console.log(`seed: ${shows.length} demo shows (one live now) for ${HOST_EMAIL}`);
}
