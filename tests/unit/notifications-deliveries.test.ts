import { describe, expect, it } from "vitest";
import { deliveriesOf } from "../../mini-services/notifications/relay/deliveries";
import type { OutboxRow } from "../../mini-services/notifications/relay/outbox-reader";
import { RecentRing } from "../../mini-services/notifications/relay/recent-ring";
import { centreEntryFor } from "@/realtime/notification-entry";

const row = (over: Partial<OutboxRow> & Pick<OutboxRow, "topic" | "payload">): OutboxRow => ({
  id: 7,
  userId: null,
  orderId: null,
  productId: null,
  admin: false,
  everyone: false,
  createdAt: new Date("2026-01-02T03:04:05.000Z"),
  ...over,
});

const order = { orderId: "o1", number: 12, userId: "u1", status: "SHIPPED", previousStatus: "PROCESSING", totalCents: 100 };
const stock = (previousStock: number, now: number) => ({ productId: "p1", sku: "S", productName: "Lamp", stock: now, previousStock, lowStockThreshold: 5 });

describe("deliveriesOf", () => {
  it("sends an order change to the owner and the order's subscribers as one emit, and the admin variant to admins", () => {
    const out = deliveriesOf(row({ topic: "order.updated", userId: "u1", orderId: "o1", admin: true, payload: JSON.stringify(order) }));
    expect(out.map((d) => [d.event, d.rooms])).toEqual([
      ["order:updated", ["user:u1", "order:o1"]],
      ["admin:order:updated", ["admin"]],
    ]);
    expect(out[0]!.data).toEqual({ eventId: 7, timestamp: "2026-01-02T03:04:05.000Z", ...order });
  });

  it("names a cancellation order:cancelled for the shopper and admin:order:updated for admins", () => {
    const out = deliveriesOf(row({ topic: "order.cancelled", userId: "u1", admin: true, payload: JSON.stringify({ ...order, status: "CANCELLED" }) }));
    expect(out.map((d) => d.event)).toEqual(["order:cancelled", "admin:order:updated"]);
  });

  it("sends stock to everyone and derives one low-stock alert only when the threshold is crossed", () => {
    const at = (prev: number, now: number) =>
      deliveriesOf(row({ topic: "inventory.updated", productId: "p1", admin: true, everyone: true, payload: JSON.stringify(stock(prev, now)) }));
    expect(at(9, 6).map((d) => d.event)).toEqual(["inventory:updated", "admin:inventory:updated"]);
    const crossing = at(6, 5);
    expect(crossing.map((d) => [d.event, d.rooms])).toEqual([
      ["inventory:updated", ["everyone"]],
      ["admin:inventory:updated", ["admin"]],
      ["admin:alert", ["admin"]],
    ]);
    expect(crossing[2]!.data).toMatchObject({ eventId: 7, kind: "low-stock", severity: "warning", ref: "p1" });
    expect(at(5, 3).map((d) => d.event)).not.toContain("admin:alert");
    expect(at(3, 0).map((d) => d.event)).not.toContain("admin:alert");
    expect(at(8, 0).at(-1)!.data).toMatchObject({ kind: "sold-out", severity: "critical" });
  });

  it("keeps admin alerts in the admin room whatever else the row names", () => {
    const out = deliveriesOf(
      row({ topic: "admin.alert", orderId: "o1", admin: true, payload: JSON.stringify({ kind: "order-stuck", severity: "warning", message: "m", ref: "r" }) }),
    );
    expect(out.map((d) => [d.event, d.rooms])).toEqual([["admin:alert", ["admin"]]]);
  });

  it("skips a row whose payload cannot be read rather than stopping on it", () => {
    expect(deliveriesOf(row({ topic: "notification", userId: "u1", payload: "{not json" }))).toEqual([]);
    expect(deliveriesOf(row({ topic: "notification", userId: "u1", payload: "null" }))).toEqual([]);
  });

  it("sends a notification to its user only", () => {
    const out = deliveriesOf(
      row({ topic: "notification", userId: "u1", payload: JSON.stringify({ userId: "u1", kind: "k", title: "t", body: "b", link: null }) }),
    );
    expect(out.map((d) => [d.event, d.rooms])).toEqual([["notification", ["user:u1"]]]);
  });
});

describe("RecentRing", () => {
  it("holds the newest items and raises its floor as it evicts", () => {
    const ring = new RecentRing<{ id: number }>(3, 10);
    expect(ring.covers(10)).toBe(true);
    expect(ring.covers(9)).toBe(false);
    for (const id of [11, 12, 13, 15]) ring.push({ id });
    expect(ring.floor).toBe(11);
    expect([...ring.after(11)].map((i) => i.id)).toEqual([12, 13, 15]);
    expect([...ring.after(13)].map((i) => i.id)).toEqual([15]);
    expect([...ring.after(15)]).toEqual([]);
    expect(ring.covers(11)).toBe(true);
    expect(ring.covers(10)).toBe(false);
  });
});

describe("centreEntryFor", () => {
  it("turns a shopper's order events and notifications into centre rows, and nothing else", () => {
    expect(centreEntryFor("order.updated", { ...order, status: "SHIPPED", previousStatus: "PROCESSING" })).toEqual({
      userId: "u1",
      kind: "order",
      title: "Order #12 has shipped",
      body: "It is on its way to you.",
      link: "/orders/o1",
    });
    expect(centreEntryFor("order.created", { ...order, status: "PENDING", itemCount: 1 })?.body).toBe("We have your order of 1 item.");
    expect(centreEntryFor("notification", { userId: "u2", kind: "show-live", title: "t", body: "b", link: "/live/1" })).toMatchObject({
      userId: "u2",
      kind: "show-live",
    });
    expect(centreEntryFor("inventory.updated", stock(9, 1))).toBeNull();
    // A cancellation is written as order.updated and order.cancelled: the centre keeps one row.
    expect(centreEntryFor("order.updated", { ...order, status: "CANCELLED", previousStatus: "PAID" })?.title).toBe("Order #12 was cancelled");
    expect(centreEntryFor("order.cancelled", { ...order, status: "CANCELLED", previousStatus: "PAID" })).toBeNull();
  });
});
