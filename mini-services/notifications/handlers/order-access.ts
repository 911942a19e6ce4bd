import type { Identity } from "@/server/auth/tokens";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";

/** A shopper may follow their own orders, an admin any; another's order looks like no order at all. */
export async function assertMayFollowOrder(user: Identity, orderId: string): Promise<void> {
  const order = await db().order.findUnique({ where: { id: orderId }, select: { userId: true } });
  if (!order || (order.userId !== user.sub && user.role !== "ADMIN")) throw new AppError("NOT_FOUND", "No such order");
}
