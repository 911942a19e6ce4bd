import type { Tx } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { writeOutbox, writeOutboxMany } from "@/server/outbox/write-outbox";

export interface StockChange {
  productId: string;
  sku: string;
  productName: string;
  previousStock: number;
  stock: number;
  lowStockThreshold: number;
}

const productFields = { id: true, sku: true, name: true, stock: true, lowStockThreshold: true } as const;

/** Every stock change is announced to the product's watchers, admins and the catalogue. */
const audience = (productId: string) => ({ productId, admin: true, everyone: true });

async function announce(tx: Tx, change: StockChange): Promise<StockChange> {
  await writeOutbox(tx, "inventory.updated", change, audience(change.productId));
  return change;
}

/**
 * Moves stock by `delta` with one conditional write: a decrease only matches while enough units
 * are left, so concurrent buyers can never take the stock below zero. Reading the row after the
 * write, in the same transaction, gives the exact before/after for the event.
 */
async function moveStock(tx: Tx, productId: string, delta: number): Promise<StockChange | null> {
  const where = delta < 0 ? { id: productId, stock: { gte: -delta } } : { id: productId };
  const { count } = await tx.product.updateMany({ where, data: { stock: { increment: delta } } });
  if (count === 0) return null;
  const product = await tx.product.findUniqueOrThrow({ where: { id: productId }, select: productFields });
  return {
    productId,
    sku: product.sku,
    productName: product.name,
    previousStock: product.stock - delta,
    stock: product.stock,
    lowStockThreshold: product.lowStockThreshold,
  };
}

/** Takes `quantity` units for an order, or refuses with OUT_OF_STOCK naming what is left. */
export async function takeStock(tx: Tx, productId: string, quantity: number, wanted = quantity): Promise<StockChange> {
  const change = await moveStock(tx, productId, -quantity);
  if (change) return announce(tx, change);
  return refuseShortage(tx, productId, wanted);
}

/**
 * Takes `units` single units for as many buyers at once (a batch of offer claims) with one
 * conditional write, and announces one step per unit, so every claim has its own stock event
 * and the chain previousStock → stock runs through each of them in order.
 */
export async function takeUnits(tx: Tx, productId: string, units: number): Promise<StockChange> {
  const change = await moveStock(tx, productId, -units);
  if (!change) return refuseShortage(tx, productId, units);
  const steps = Array.from({ length: units }, (_, i) => ({ ...change, previousStock: change.previousStock - i, stock: change.previousStock - i - 1 }));
  await writeOutboxMany(
    tx,
    steps.map((payload) => ({ topic: "inventory.updated" as const, payload, scope: audience(productId) })),
  );
  return change;
}

async function refuseShortage(tx: Tx, productId: string, wanted: number): Promise<never> {
  const product = await tx.product.findUnique({ where: { id: productId }, select: productFields });
  if (!product) throw new AppError("NOT_FOUND", "This product does not exist");
  throw new AppError(
    "OUT_OF_STOCK",
    product.stock === 0
      ? `${product.name} is sold out. Remove it from your cart to continue.`
      : `Only ${product.stock} of ${product.name} left, your cart has ${wanted}. Lower the quantity to continue.`,
  );
}

/** Gives units back (a cancelled order, a released reservation). */
export async function restoreStock(tx: Tx, productId: string, quantity: number): Promise<StockChange> {
  const change = await moveStock(tx, productId, quantity);
  if (!change) throw new AppError("NOT_FOUND", "This product does not exist");
  return announce(tx, change);
}

/** An admin's correction with its reason, kept as a StockAdjustment row. */
export async function adjustStock(tx: Tx, input: { productId: string; delta: number; reason: string; userId: string }): Promise<StockChange> {
  const change = await moveStock(tx, input.productId, input.delta);
  if (!change) {
    const product = await tx.product.findUnique({ where: { id: input.productId }, select: productFields });
    if (!product) throw new AppError("NOT_FOUND", "This product does not exist");
    throw new AppError("CONFLICT", `Cannot remove ${-input.delta} units of ${product.name}: only ${product.stock} in stock`, "delta");
  }
  await tx.stockAdjustment.create({
    data: {
      productId: input.productId,
      delta: input.delta,
      reason: input.reason,
      previousStock: change.previousStock,
      stock: change.stock,
      userId: input.userId,
    },
  });
  return announce(tx, change);
}
