import type { Hono } from "hono";
import { z } from "zod";
import { orderStatusSchema } from "@/realtime/outbox-topics";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { writeOutbox } from "@/server/outbox/write-outbox";
import { nudgeAll } from "../hub";
import { requireServiceToken } from "./http-auth";

const id = z.string().min(1).max(64);
export const broadcastOrderSchema = z.object({ userId: id, orderId: id, status: orderStatusSchema, previousStatus: orderStatusSchema });
export const broadcastInventorySchema = z.object({
  productId: id,
  stock: z.number().int(),
  previousStock: z.number().int(),
  sku: z.string().min(1).max(64),
  productName: z.string().min(1).max(200),
});

/**
 * The earlier product's push endpoints for other services. They record the event in the outbox
 * (durable, replayable, in order with everything else) rather than emitting directly.
 */
export function broadcastRoutes(app: Hono): void {
  app.post("/realtime/broadcast/order", async (c) => {
    requireServiceToken(c);
    const body = broadcastOrderSchema.parse(await c.req.json());
    const order = await db().order.findUnique({ where: { id: body.orderId }, select: { userId: true, number: true, totalCents: true } });
    if (!order) throw new AppError("NOT_FOUND", "No such order", "orderId");
    if (order.userId !== body.userId) throw new AppError("UNPROCESSABLE", "The order belongs to another user", "userId");
    const payload = {
      orderId: body.orderId,
      number: order.number,
      userId: body.userId,
      status: body.status,
      previousStatus: body.previousStatus,
      totalCents: order.totalCents,
    };
    const scope = { userId: body.userId, orderId: body.orderId, admin: true };
    // As the storefront writes them: every change is an order.updated, a cancellation also an order.cancelled.
    const eventId = await db().$transaction(async (tx) => {
      const id = await writeOutbox(tx, "order.updated", payload, scope);
      if (body.status === "CANCELLED") await writeOutbox(tx, "order.cancelled", payload, scope);
      return id;
    });
    nudgeAll();
    return c.json({ eventId }, 202);
  });

  app.post("/realtime/broadcast/inventory", async (c) => {
    requireServiceToken(c);
    const body = broadcastInventorySchema.parse(await c.req.json());
    const product = await db().product.findUnique({ where: { id: body.productId }, select: { lowStockThreshold: true } });
    if (!product) throw new AppError("NOT_FOUND", "No such product", "productId");
    const eventId = await db().$transaction((tx) =>
      writeOutbox(
        tx,
        "inventory.updated",
        { ...body, lowStockThreshold: product.lowStockThreshold },
        { productId: body.productId, admin: true, everyone: true },
      ),
    );
    nudgeAll();
    return c.json({ eventId }, 202);
  });
}
