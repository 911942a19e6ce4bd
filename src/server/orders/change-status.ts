import type { OrderStatus } from "@/generated/prisma/enums";
import type { Tx } from "@/server/db/client";
import { transact } from "@/server/db/transact";
import { AppError } from "@/server/errors";
import { restoreStock } from "@/server/inventory/stock";
import { writeOutbox } from "@/server/outbox/write-outbox";
import { nudgeNotifications } from "@/server/outbox/nudge";
import { orderInclude, toOrderView, type OrderView } from "@/server/orders/order-view";
import { assertTransition, SHOPPER_CANCELLABLE, statusLabel } from "@/server/orders/state-machine";

export interface StatusChange {
  orderId: string;
  to: OrderStatus;
  byUserId: string;
  note?: string | null;
}

/**
 * The one place an order's status changes: checked against the state machine, written only if
 * the status is still the one we read (two admins clicking at once cannot both win), recorded
 * in the timeline, and announced through the outbox. A cancellation gives the stock back.
 */
export async function changeStatusInTx(tx: Tx, change: StatusChange): Promise<OrderView> {
  const order = await tx.order.findUnique({ where: { id: change.orderId }, include: { items: true } });
  if (!order) throw new AppError("NOT_FOUND", "This order does not exist");
  assertTransition(order.status, change.to);

  const now = new Date();
  const { count } = await tx.order.updateMany({ where: { id: order.id, status: order.status }, data: { status: change.to, statusChangedAt: now } });
  if (count === 0) throw new AppError("CONFLICT", "This order was changed by someone else meanwhile; reload it and try again", "status");
  await tx.orderStatusEvent.create({
    data: { orderId: order.id, from: order.status, to: change.to, note: change.note ?? null, byUserId: change.byUserId, createdAt: now },
  });

  if (change.to === "CANCELLED") {
    const units = new Map<string, number>();
    for (const item of order.items) units.set(item.productId, (units.get(item.productId) ?? 0) + item.quantity);
    for (const [productId, quantity] of [...units].sort(([a], [b]) => a.localeCompare(b))) await restoreStock(tx, productId, quantity);
  }

  const summary = {
    orderId: order.id,
    number: order.number,
    userId: order.userId,
    status: change.to,
    totalCents: order.totalCents,
    previousStatus: order.status,
  };
  const scope = { userId: order.userId, orderId: order.id, admin: true };
  // Every status change is an order.updated (what live order pages follow); a cancellation is
  // also an order.cancelled, for consumers that only care about that.
  await writeOutbox(tx, "order.updated", summary, scope);
  if (change.to === "CANCELLED") await writeOutbox(tx, "order.cancelled", summary, scope);

  return toOrderView(await tx.order.findUniqueOrThrow({ where: { id: order.id }, include: orderInclude }));
}

export async function changeOrderStatus(change: StatusChange): Promise<OrderView> {
  const view = await transact((tx) => changeStatusInTx(tx, change));
  nudgeNotifications();
  return view;
}

/** A shopper cancels their own order, only while nothing has been prepared yet. */
export async function cancelOwnOrder(userId: string, orderId: string): Promise<OrderView> {
  const view = await transact(async (tx) => {
    const order = await tx.order.findFirst({ where: { id: orderId, userId }, select: { status: true } });
    if (!order) throw new AppError("NOT_FOUND", "This order does not exist");
    if (!SHOPPER_CANCELLABLE.includes(order.status)) {
      throw new AppError(
        "CONFLICT",
        `This order is ${statusLabel(order.status).toLowerCase()} and can no longer be cancelled here; please contact support`,
        "status",
      );
    }
    return changeStatusInTx(tx, { orderId, to: "CANCELLED", byUserId: userId, note: "Cancelled by the customer" });
  });
  nudgeNotifications();
  return view;
}
