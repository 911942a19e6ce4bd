import { describe, expect, it } from "vitest";
import type { OrderStatus } from "@/generated/prisma/enums";
import { AppError, httpStatus, toErrorBody } from "@/server/errors";
import { assertTransition, canTransition, nextStatuses, ORDER_TRANSITIONS, SHOPPER_CANCELLABLE } from "@/server/orders/state-machine";

const statuses: OrderStatus[] = ["PENDING", "PAID", "PROCESSING", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED"];

// The state machine from the issue, written out independently of the implementation's table.
const allowed: [OrderStatus, OrderStatus][] = [
  ["PENDING", "PAID"],
  ["PAID", "PROCESSING"],
  ["PROCESSING", "SHIPPED"],
  ["SHIPPED", "DELIVERED"],
  ["PENDING", "CANCELLED"],
  ["PAID", "CANCELLED"],
  ["PROCESSING", "CANCELLED"],
  ["DELIVERED", "REFUNDED"],
];
const isAllowed = (from: OrderStatus, to: OrderStatus) => allowed.some(([f, t]) => f === from && t === to);

describe("order state machine", () => {
  it.each(allowed)("allows %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  const refused = statuses.flatMap((from) => statuses.filter((to) => !isAllowed(from, to)).map((to) => [from, to] as [OrderStatus, OrderStatus]));

  it("refuses every other pair (all 41 of them)", () => {
    expect(refused).toHaveLength(statuses.length * statuses.length - allowed.length);
    for (const [from, to] of refused) expect(canTransition(from, to), `${from} → ${to}`).toBe(false);
  });

  it.each([
    ["PENDING", "SHIPPED"],
    ["SHIPPED", "CANCELLED"],
    ["DELIVERED", "CANCELLED"],
    ["CANCELLED", "PAID"],
    ["REFUNDED", "DELIVERED"],
    ["PAID", "PAID"],
    ["SHIPPED", "PROCESSING"],
  ] as [OrderStatus, OrderStatus][])("refuses %s → %s with a 409 that explains why", (from, to) => {
    let error: unknown;
    try {
      assertTransition(from, to);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const body = toErrorBody(error);
    expect(httpStatus(body)).toBe(409);
    expect(body.code).toBe("CONFLICT");
    expect(body.message).toContain(`from ${from.charAt(0)}${from.slice(1).toLowerCase()} to ${to.charAt(0)}${to.slice(1).toLowerCase()}`);
  });

  it("says a final status is final", () => {
    expect(() => assertTransition("CANCELLED", "PAID")).toThrow(/it is final/);
    expect(() => assertTransition("PENDING", "SHIPPED")).toThrow(/can only become Paid or Cancelled/);
  });

  it("lists the next statuses for every status, and the final ones have none", () => {
    for (const status of statuses) expect([...nextStatuses(status)].sort()).toEqual(statuses.filter((to) => isAllowed(status, to)).sort());
    expect(Object.keys(ORDER_TRANSITIONS).sort()).toEqual([...statuses].sort());
    expect(nextStatuses("CANCELLED")).toEqual([]);
    expect(nextStatuses("REFUNDED")).toEqual([]);
  });

  it("lets shoppers cancel only pending and paid orders, a subset of what admins may cancel", () => {
    expect([...SHOPPER_CANCELLABLE].sort()).toEqual(["PAID", "PENDING"]);
    for (const status of SHOPPER_CANCELLABLE) expect(canTransition(status, "CANCELLED")).toBe(true);
  });
});
