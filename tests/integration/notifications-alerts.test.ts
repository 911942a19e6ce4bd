import { describe, expect, it } from "vitest";
import { createUser } from "../support/tokens";
import { createOrder, Device, notificationsFixture } from "./notifications-helpers";

describe("notifications admin alerts", () => {
  // Stuck after one minute, checked five times a second.
  const f = notificationsFixture({ ORDER_STUCK_MINUTES: "1", STUCK_CHECK_MS: "200" });

  it("raises one order-stuck alert per order and status stint, however often it checks", async () => {
    const [admin, shopper] = [await createUser(f.db, "ADMIN"), await createUser(f.db, "SHOPPER")];
    const boss = new Device("admin", admin.token);
    const other = new Device("shopper", shopper.token);
    await boss.connect(f.service.url);
    await other.connect(f.service.url);
    const longAgo = new Date(Date.now() - 5 * 60_000);
    const fresh = await createOrder(f.db, shopper.user.id);
    const stuck = await createOrder(f.db, shopper.user.id);
    await f.db.order.update({ where: { id: stuck.id }, data: { status: "PAID", statusChangedAt: longAgo } });

    const [first] = await boss.waitFor(1);
    expect(first).toMatchObject({ event: "admin:alert", payload: { kind: "order-stuck", severity: "warning", ref: `stuck:${stuck.id}:${longAgo.getTime()}` } });
    expect(first!.payload.message).toMatch(new RegExp(`Order #${stuck.number} has been paid for 5 minutes`));

    // A second stuck order is found by a later check; by then the first was seen again and not repeated.
    await f.db.order.update({ where: { id: fresh.id }, data: { statusChangedAt: longAgo } });
    const [, second] = await boss.waitFor(2);
    expect(second!.payload.ref).toBe(`stuck:${fresh.id}:${longAgo.getTime()}`);
    // Moving on and getting stuck again is a new stint: a new alert.
    const later = new Date(longAgo.getTime() + 60_000);
    await f.db.order.update({ where: { id: stuck.id }, data: { status: "PROCESSING", statusChangedAt: later } });
    const [, , third] = await boss.waitFor(3);
    expect(third!.payload.ref).toBe(`stuck:${stuck.id}:${later.getTime()}`);
    expect(await f.db.outboxEvent.count({ where: { topic: "admin.alert" } })).toBe(3);
    expect(boss.received.map((r) => r.event)).toEqual(["admin:alert", "admin:alert", "admin:alert"]);
    expect(other.received).toEqual([]);
    boss.close();
    other.close();
  });
});
