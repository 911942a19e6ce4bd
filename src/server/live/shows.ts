import { z } from "zod";
import type { Identity } from "@/server/auth/tokens";
import { hasRole } from "@/server/auth/tokens";
import { db } from "@/server/db/client";
import { transact } from "@/server/db/transact";
import { AppError } from "@/server/errors";
import { writeOutbox } from "@/server/outbox/write-outbox";
import { productCardSelect, toProductCard } from "@/server/live/views";
import { productCardSchema, showStatusSchema, type ProductCard, type ShowStatus, type StreamStatus } from "@/realtime/live-stream";

const id = z.string().min(1).max(64);
/** A site path (the demo clip in /media) or an http(s) URL of an MP4, WebM or HLS stream. */
const videoUrl = z
  .string()
  .trim()
  .max(500)
  .regex(/^(https?:\/\/[^\s]+|\/[^\s/][^\s]*)$/, "must be an http(s) URL or a path like /media/demo-show.mp4");

export const showInputSchema = z.object({
  title: z.string().trim().min(3, "must be at least 3 characters").max(120, "must be at most 120 characters"),
  description: z.string().trim().max(2000, "must be at most 2000 characters").default(""),
  scheduledAt: z.coerce.date({ error: "must be a date and time" }),
  videoUrl,
  productIds: z.array(id).min(1, "pick at least one product").max(30, "at most 30 products"),
});
export const showUpdateSchema = showInputSchema.partial();
export const showListQuerySchema = z.object({ status: z.enum(["live", "upcoming", "past"]).optional() });

export type ShowInput = z.infer<typeof showInputSchema>;

export const showSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  status: showStatusSchema,
  scheduledAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  videoUrl: z.string(),
  hostId: z.string(),
  hostName: z.string(),
  products: z.array(productCardSchema),
  rsvpCount: z.number().int(),
  /** Whether the asking identity has RSVP'd (false when nobody asks). */
  rsvped: z.boolean(),
});
export type ShowSummary = z.infer<typeof showSummarySchema>;
export const showListSchema = z.object({ live: z.array(showSummarySchema), upcoming: z.array(showSummarySchema), past: z.array(showSummarySchema) });
export const rsvpSchema = z.object({ rsvped: z.boolean(), rsvpCount: z.number().int() });

const summaryInclude = (viewerId: string | null) =>
  ({
    host: { select: { name: true } },
    products: { orderBy: { position: "asc" }, include: { product: { select: productCardSelect } } },
    _count: { select: { rsvps: true } },
    rsvps: { where: { userId: viewerId ?? "" }, select: { userId: true } },
  }) as const;

type ShowWithSummary = Awaited<ReturnType<typeof findShows>>[number];
const findShows = (where: object, viewerId: string | null, orderBy: object, take: number) =>
  db().show.findMany({ where, include: summaryInclude(viewerId), orderBy, take });

function toSummary(show: ShowWithSummary): ShowSummary {
  return {
    id: show.id,
    title: show.title,
    description: show.description,
    status: show.status,
    scheduledAt: show.scheduledAt.toISOString(),
    startedAt: show.startedAt?.toISOString() ?? null,
    endedAt: show.endedAt?.toISOString() ?? null,
    videoUrl: show.videoUrl,
    hostId: show.hostId,
    hostName: show.host.name,
    products: show.products.map((sp) => toProductCard(sp.product)),
    rsvpCount: show._count.rsvps,
    rsvped: show.rsvps.length > 0,
  };
}

/** Live now, upcoming (soonest first) and past (latest first) shows. */
export async function listShows(viewerId: string | null, only?: "live" | "upcoming" | "past"): Promise<z.infer<typeof showListSchema>> {
  const want = (k: "live" | "upcoming" | "past") => !only || only === k;
  const [live, upcoming, past] = await Promise.all([
    want("live") ? findShows({ status: "LIVE" }, viewerId, { startedAt: "desc" }, 20) : [],
    want("upcoming") ? findShows({ status: "SCHEDULED" }, viewerId, { scheduledAt: "asc" }, 30) : [],
    want("past") ? findShows({ status: "ENDED" }, viewerId, { endedAt: "desc" }, 30) : [],
  ]);
  return { live: live.map(toSummary), upcoming: upcoming.map(toSummary), past: past.map(toSummary) };
}

export async function getShow(showId: string, viewerId: string | null): Promise<ShowSummary> {
  const show = await db().show.findUnique({ where: { id: showId }, include: summaryInclude(viewerId) });
  if (!show) throw new AppError("NOT_FOUND", "This show does not exist");
  return toSummary(show);
}

/** The shows a host runs (an admin sees everyone's), newest plans first. */
export async function hostShows(identity: Identity): Promise<ShowSummary[]> {
  const where = identity.role === "ADMIN" ? {} : { hostId: identity.sub };
  return (await findShows(where, null, { scheduledAt: "desc" }, 100)).map(toSummary);
}

/** Active products a host may put in a show. */
export async function sellableProducts(): Promise<ProductCard[]> {
  const rows = await db().product.findMany({ where: { status: "ACTIVE" }, select: productCardSelect, orderBy: { name: "asc" }, take: 500 });
  return rows.map(toProductCard);
}

export const isHostOf = (identity: Identity, show: { hostId: string }) => identity.sub === show.hostId || hasRole(identity, "ADMIN");

/** The show, if this identity may run it; FORBIDDEN otherwise (NOT_FOUND when there is none). */
export async function hostedShow(identity: Identity, showId: string) {
  const show = await db().show.findUnique({ where: { id: showId } });
  if (!show) throw new AppError("NOT_FOUND", "This show does not exist");
  if (!isHostOf(identity, show)) throw new AppError("FORBIDDEN", "Only the show's host may do this");
  return show;
}

async function checkProducts(productIds: string[]) {
  const unique = [...new Set(productIds)];
  const found = await db().product.count({ where: { id: { in: unique }, status: "ACTIVE" } });
  if (found !== unique.length) throw new AppError("VALIDATION", "productIds: some products do not exist or are archived", "productIds");
  return unique;
}

export async function createShow(identity: Identity, input: ShowInput): Promise<ShowSummary> {
  if (!hasRole(identity, "HOST")) throw new AppError("FORBIDDEN", "Only hosts may create shows");
  const productIds = await checkProducts(input.productIds);
  const show = await db().show.create({
    data: {
      hostId: identity.sub,
      title: input.title,
      description: input.description,
      videoUrl: input.videoUrl,
      scheduledAt: input.scheduledAt,
      products: { create: productIds.map((productId, position) => ({ productId, position })) },
    },
  });
  return getShow(show.id, null);
}

export async function updateShow(identity: Identity, showId: string, input: z.infer<typeof showUpdateSchema>): Promise<ShowSummary> {
  const show = await hostedShow(identity, showId);
  if (show.status === "ENDED") throw new AppError("CONFLICT", "This show has ended");
  const productIds = input.productIds ? await checkProducts(input.productIds) : null;
  await transact(async (tx) => {
    await tx.show.update({
      where: { id: showId },
      data: { title: input.title, description: input.description, videoUrl: input.videoUrl, scheduledAt: input.scheduledAt },
    });
    if (productIds) {
      await tx.showProduct.deleteMany({ where: { showId } });
      await tx.showProduct.createMany({ data: productIds.map((productId, position) => ({ showId, productId, position })) });
      if (show.featuredProductId && !productIds.includes(show.featuredProductId)) {
        await tx.show.update({ where: { id: showId }, data: { featuredProductId: null } });
      }
    }
  });
  return getShow(showId, null);
}

/** RSVP (or cancel it) for a show that has not started; the shopper is told when it goes live. */
export async function setRsvp(identity: Identity, showId: string, attending: boolean): Promise<z.infer<typeof rsvpSchema>> {
  const show = await db().show.findUnique({ where: { id: showId }, select: { status: true } });
  if (!show) throw new AppError("NOT_FOUND", "This show does not exist");
  if (attending) {
    if (show.status !== "SCHEDULED") throw new AppError("CONFLICT", "You can only RSVP to a show that has not started");
    await db().showRsvp.upsert({ where: { showId_userId: { showId, userId: identity.sub } }, create: { showId, userId: identity.sub }, update: {} });
  } else {
    await db().showRsvp.deleteMany({ where: { showId, userId: identity.sub } });
  }
  return { rsvped: attending, rsvpCount: await db().showRsvp.count({ where: { showId } }) };
}

const toStatus = (s: { id: string; status: ShowStatus; startedAt: Date | null; endedAt: Date | null }): StreamStatus => ({
  showId: s.id,
  status: s.status,
  startedAt: s.startedAt?.toISOString() ?? null,
  endedAt: s.endedAt?.toISOString() ?? null,
});

/**
 * SCHEDULED → LIVE, and in the same transaction one `notification` outbox row per RSVP, so
 * the notifications service tells every shopper who asked (call nudgeNotifications after).
 */
export async function goLive(showId: string, now = new Date()): Promise<StreamStatus> {
  return transact(async (tx) => {
    const { count } = await tx.show.updateMany({ where: { id: showId, status: "SCHEDULED" }, data: { status: "LIVE", startedAt: now } });
    if (count === 0) throw new AppError("CONFLICT", "Only a scheduled show can go live");
    const show = await tx.show.findUniqueOrThrow({ where: { id: showId } });
    const rsvps = await tx.showRsvp.findMany({ where: { showId }, select: { userId: true } });
    for (const { userId } of rsvps) {
      await writeOutbox(
        tx,
        "notification",
        {
          userId,
          kind: "show.live",
          title: `${show.title} is live`,
          body: "The show you RSVP'd to has started. Flash offers drop during the show.",
          link: `/shows/${showId}`,
        },
        { userId },
      );
    }
    return toStatus(show);
  });
}

/** LIVE → ENDED; a running offer ends with it. Returns the ended offers' ids too. */
export async function endShow(showId: string, now = new Date()): Promise<{ status: StreamStatus; endedOfferIds: string[] }> {
  return transact(async (tx) => {
    const { count } = await tx.show.updateMany({ where: { id: showId, status: "LIVE" }, data: { status: "ENDED", endedAt: now } });
    if (count === 0) throw new AppError("CONFLICT", "Only a live show can end");
    const running = await tx.offer.findMany({ where: { showId, endsAt: { gt: now } }, select: { id: true } });
    await tx.offer.updateMany({ where: { showId, endsAt: { gt: now } }, data: { endsAt: now } });
    const show = await tx.show.findUniqueOrThrow({ where: { id: showId } });
    return { status: toStatus(show), endedOfferIds: running.map((o) => o.id) };
  });
}
