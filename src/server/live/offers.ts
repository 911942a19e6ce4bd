import type { z } from "zod";
import { db } from "@/server/db/client";
import { transact } from "@/server/db/transact";
import { AppError } from "@/server/errors";
import { offerInclude, toOfferView } from "@/server/live/views";
import type { activateOfferSchema, OfferView } from "@/realtime/live-stream";

export type ActivateOfferInput = z.output<typeof activateOfferSchema>;

/** An offer still running: not past its end and not sold out. */
const runningWhere = (showId: string, now: Date) => ({ showId, endsAt: { gt: now }, claimed: { lt: db().offer.fields.quantity } });

export async function activeOffer(showId: string, now = new Date()): Promise<OfferView | null> {
  const offer = await db().offer.findFirst({ where: runningWhere(showId, now), include: offerInclude, orderBy: { startsAt: "desc" } });
  return offer ? toOfferView(offer) : null;
}

/**
 * Starts a flash offer on one of the show's products. Nothing is reserved until someone claims:
 * the quantity only has to fit in today's stock, and each claim takes a real unit then.
 */
export async function activateOffer(input: ActivateOfferInput, now = new Date()): Promise<OfferView> {
  return transact(async (tx) => {
    const show = await tx.show.findUnique({ where: { id: input.showId }, select: { status: true } });
    if (!show) throw new AppError("NOT_FOUND", "This show does not exist");
    if (show.status !== "LIVE") throw new AppError("CONFLICT", "Offers run only while the show is live");
    const listed = await tx.showProduct.findUnique({
      where: { showId_productId: { showId: input.showId, productId: input.productId } },
      include: { product: true },
    });
    if (!listed) throw new AppError("VALIDATION", "productId: this product is not in the show", "productId");
    const { product } = listed;
    if (input.quantity > product.stock) throw new AppError("VALIDATION", `quantity: only ${product.stock} of ${product.name} in stock`, "quantity");
    if (input.priceCents > product.priceCents) throw new AppError("VALIDATION", "priceCents: an offer cannot cost more than the regular price", "priceCents");
    const running = await tx.offer.count({ where: { showId: input.showId, endsAt: { gt: now }, claimed: { lt: tx.offer.fields.quantity } } });
    if (running > 0) throw new AppError("CONFLICT", "An offer is already running: end it first");
    const offer = await tx.offer.create({
      data: {
        showId: input.showId,
        productId: input.productId,
        priceCents: input.priceCents,
        quantity: input.quantity,
        perShopperLimit: input.perShopperLimit,
        startsAt: now,
        endsAt: new Date(now.getTime() + input.durationSeconds * 1000),
      },
      include: offerInclude,
    });
    return toOfferView(offer);
  });
}

/** Ends an offer now (claims after this see it expired). False when it had already ended. */
export async function endOffer(showId: string, offerId: string, now = new Date()): Promise<boolean> {
  const offer = await db().offer.findUnique({ where: { id: offerId }, select: { showId: true } });
  if (!offer || offer.showId !== showId) throw new AppError("NOT_FOUND", "This offer does not exist in this show");
  const { count } = await db().offer.updateMany({ where: { id: offerId, endsAt: { gt: now } }, data: { endsAt: now } });
  return count === 1;
}

/** Offers whose end is still ahead (a restarted service schedules their expiry again). */
export async function pendingOffers(now = new Date()) {
  return db().offer.findMany({ where: { endsAt: { gt: now } }, select: { id: true, showId: true, endsAt: true } });
}
