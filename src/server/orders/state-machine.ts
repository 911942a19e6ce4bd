import type { OrderStatus } from "@/generated/prisma/enums";
import { AppError } from "@/server/errors";

/**
 * The only ways an order's status may change. Cancelling gives the stock back, so it is only
 * possible before the parcel leaves (up to PROCESSING); a delivered order can be refunded.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  PENDING: ["PAID", "CANCELLED"],
  PAID: ["PROCESSING", "CANCELLED"],
  PROCESSING: ["SHIPPED", "CANCELLED"],
  SHIPPED: ["DELIVERED"],
  DELIVERED: ["REFUNDED"],
  CANCELLED: [],
  REFUNDED: [],
};

/** A shopper may cancel on their own only until the shop starts preparing the order. */
export const SHOPPER_CANCELLABLE: readonly OrderStatus[] = ["PENDING", "PAID"];

export const canTransition = (from: OrderStatus, to: OrderStatus) => ORDER_TRANSITIONS[from].includes(to);

export const nextStatuses = (from: OrderStatus): readonly OrderStatus[] => ORDER_TRANSITIONS[from];

/** Throws a 409 that says what was asked, why it is refused and what is possible instead. */
export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (canTransition(from, to)) return;
  const allowed = ORDER_TRANSITIONS[from];
  const options = allowed.length ? `it can only become ${allowed.map(statusLabel).join(" or ")}` : "it is final";
  throw new AppError("CONFLICT", `Cannot change an order from ${statusLabel(from)} to ${statusLabel(to)}: ${options}`, "status");
}

export const statusLabel = (status: OrderStatus) => status.charAt(0) + status.slice(1).toLowerCase();
