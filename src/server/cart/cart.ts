import { z } from "zod";
import { db, type Tx } from "@/server/db/client";
import { transact } from "@/server/db/transact";
import { AppError } from "@/server/errors";
import { restoreStock } from "@/server/inventory/stock";
import { nudgeNotifications } from "@/server/outbox/nudge";
import { computeTotals, lineTotalCents } from "@/server/orders/pricing";

export const MAX_LINE_QUANTITY = 99;
const quantity = z.number().int("must be a whole number").min(1, "must be at least 1").max(MAX_LINE_QUANTITY, `must be at most ${MAX_LINE_QUANTITY}`);

export const addToCartSchema = z.object({ productId: z.string().min(1, "is required"), quantity: quantity.default(1) });
export const setQuantitySchema = z.object({ quantity });

export const cartLineSchema = z.object({
  id: z.string(),
  productId: z.string(),
  name: z.string(),
  slug: z.string(),
  imageUrl: z.string(),
  unitPriceCents: z.number().int(),
  quantity: z.number().int(),
  lineTotalCents: z.number().int(),
  stock: z.number().int(),
  /** ISO time a flash-offer line is held until; null for a plain line. */
  reservedUntil: z.string().nullable(),
  offerClaimId: z.string().nullable(),
});
export const cartSchema = z.object({
  items: z.array(cartLineSchema),
  /** Units in the cart (what the header badge shows). */
  count: z.number().int(),
  subtotalCents: z.number().int(),
  shippingCents: z.number().int(),
  totalCents: z.number().int(),
});
export type CartLine = z.infer<typeof cartLineSchema>;
export type Cart = z.infer<typeof cartSchema>;

const lineInclude = { product: { select: { name: true, slug: true, imageUrl: true, priceCents: true, stock: true, status: true } } } as const;

/** A plain line costs the product's current price; a flash-offer line keeps its offer price. */
export const unitPriceOf = (line: { unitPriceCents: number | null; product: { priceCents: number } }) => line.unitPriceCents ?? line.product.priceCents;

export const isExpiredReservation = (line: { offerClaimId: string | null; reservedUntil: Date | null }, now = new Date()) =>
  line.offerClaimId !== null && line.reservedUntil !== null && line.reservedUntil.getTime() <= now.getTime();

export const emptyCart = (): Cart => ({ items: [], count: 0, ...computeTotals([]) });

export async function getCart(userId: string, client: Tx = db()): Promise<Cart> {
  const lines = await client.cartItem.findMany({ where: { userId }, include: lineInclude, orderBy: { createdAt: "asc" } });
  const items = lines.map((line): CartLine => {
    const unitPriceCents = unitPriceOf(line);
    return {
      id: line.id,
      productId: line.productId,
      name: line.product.name,
      slug: line.product.slug,
      imageUrl: line.product.imageUrl,
      unitPriceCents,
      quantity: line.quantity,
      lineTotalCents: lineTotalCents({ unitPriceCents, quantity: line.quantity }),
      stock: line.product.stock,
      reservedUntil: line.reservedUntil?.toISOString() ?? null,
      offerClaimId: line.offerClaimId,
    };
  });
  return { items, count: items.reduce((sum, item) => sum + item.quantity, 0), ...computeTotals(items) };
}

function refuseBeyondStock(product: { name: string; stock: number }, wanted: number, inCart: number): void {
  if (wanted <= product.stock) return;
  if (product.stock === 0) throw new AppError("OUT_OF_STOCK", `${product.name} is sold out`, "quantity");
  const already = inCart > 0 ? ` and ${inCart} already in your cart` : "";
  throw new AppError("OUT_OF_STOCK", `Only ${product.stock} of ${product.name} left${already}`, "quantity");
}

/** Adds to the one plain line of this product (flash-offer lines stay separate). */
export async function addToCart(userId: string, input: z.infer<typeof addToCartSchema>): Promise<Cart> {
  return transact(async (tx) => {
    const product = await tx.product.findUnique({ where: { id: input.productId } });
    if (!product || product.status !== "ACTIVE") throw new AppError("NOT_FOUND", "This product is not available", "productId");
    const existing = await tx.cartItem.findFirst({ where: { userId, productId: product.id, offerClaimId: null } });
    const inCart = existing?.quantity ?? 0;
    const wanted = inCart + input.quantity;
    if (wanted > MAX_LINE_QUANTITY) throw new AppError("VALIDATION", `quantity: at most ${MAX_LINE_QUANTITY} per product`, "quantity");
    refuseBeyondStock(product, wanted, inCart);
    if (existing) await tx.cartItem.update({ where: { id: existing.id }, data: { quantity: wanted } });
    else await tx.cartItem.create({ data: { userId, productId: product.id, quantity: wanted } });
    return getCart(userId, tx);
  });
}

async function ownLine(tx: Tx, userId: string, lineId: string) {
  const line = await tx.cartItem.findFirst({ where: { id: lineId, userId }, include: lineInclude });
  if (!line) throw new AppError("NOT_FOUND", "This cart line does not exist");
  return line;
}

export async function setLineQuantity(userId: string, lineId: string, input: z.infer<typeof setQuantitySchema>): Promise<Cart> {
  return transact(async (tx) => {
    const line = await ownLine(tx, userId, lineId);
    if (line.offerClaimId) throw new AppError("CONFLICT", "A flash-offer line keeps the quantity you won; remove it instead", "quantity");
    refuseBeyondStock(line.product, input.quantity, 0);
    await tx.cartItem.update({ where: { id: line.id }, data: { quantity: input.quantity } });
    return getCart(userId, tx);
  });
}

/**
 * Deletes a line; a flash-offer line gives its reserved units back to stock (they were taken
 * when the offer was claimed). The delete is conditional, so a line released twice at once
 * (the shopper and an expiry sweep) returns its units once.
 */
export async function releaseLine(tx: Tx, line: { id: string; productId: string; quantity: number; offerClaimId: string | null }): Promise<boolean> {
  const { count } = await tx.cartItem.deleteMany({ where: { id: line.id } });
  if (count === 1 && line.offerClaimId) await restoreStock(tx, line.productId, line.quantity);
  return count === 1;
}

export async function removeLine(userId: string, lineId: string): Promise<Cart> {
  const { cart, released } = await transact(async (tx) => {
    const line = await ownLine(tx, userId, lineId);
    const gone = await releaseLine(tx, line);
    return { cart: await getCart(userId, tx), released: gone && !!line.offerClaimId };
  });
  if (released) nudgeNotifications();
  return cart;
}

/**
 * Drops flash-offer lines whose reservation ran out, giving their units back to stock: one
 * shopper's at checkout, everyone's (userId null) from the live service's periodic sweep.
 * Returns the dropped products' names.
 */
export async function dropExpiredReservations(userId: string | null, now = new Date()): Promise<string[]> {
  return transact(async (tx) => {
    const lines = await tx.cartItem.findMany({
      where: { ...(userId ? { userId } : {}), offerClaimId: { not: null }, reservedUntil: { lte: now } },
      include: lineInclude,
    });
    const dropped: string[] = [];
    for (const line of lines) if (await releaseLine(tx, line)) dropped.push(line.product.name);
    return dropped;
  }).then((dropped) => {
    if (dropped.length) nudgeNotifications();
    return dropped;
  });
}
