import { describe, expect, it } from "vitest";
import { writeOutbox } from "@/server/outbox/write-outbox";
import { testProvider } from "../support/database";
import { createUser } from "../support/tokens";
import { Device, notificationsFixture, nudge, produce } from "./notifications-helpers";

// Only PostgreSQL lets a smaller outbox id commit after a larger one (SQLite has one writer at a time).
describe.runIf(testProvider === "postgresql")("notifications when ids commit out of order (PostgreSQL)", () => {
  const f = notificationsFixture({ OUTBOX_GAP_WAIT_MS: "3000" });

  const note = (userId: string, title: string) => ({ userId, kind: "test", title, body: "", link: null });

  it("holds a later id until the earlier one commits, then delivers both in order", async () => {
    const shopper = await createUser(f.db, "SHOPPER");
    const device = new Device("shopper", shopper.token);
    await device.connect(f.service.url);

    let commitFirst!: () => void;
    const held = new Promise<void>((resolve) => (commitFirst = resolve));
    let firstId = 0;
    let written!: () => void;
    const firstWritten = new Promise<void>((resolve) => (written = resolve));
    const first = f.db.$transaction(
      async (tx) => {
        firstId = await writeOutbox(tx, "notification", note(shopper.user.id, "first"), { userId: shopper.user.id });
        written();
        await held;
      },
      { timeout: 20_000 },
    );
    await firstWritten;
    const secondId = await produce(f.db, "notification", note(shopper.user.id, "second"), { userId: shopper.user.id });
    expect(secondId).toBeGreaterThan(firstId);
    await nudge(f.service.url);
    // Another commit and nudge: the relay has had every chance to run past the hole by now.
    await produce(f.db, "product.created", { productId: "p", sku: "S", name: "N", priceCents: 1, stock: 1 }, { everyone: true });
    await nudge(f.service.url);
    await nudge(f.service.url);
    expect(device.received).toEqual([]);

    commitFirst();
    await first;
    await nudge(f.service.url);
    const got = await device.waitFor(3);
    expect(got.map((r) => r.eventId)).toEqual([firstId, secondId, secondId + 1]);
    device.close();
  });

  it("skips a hole left by a rolled-back transaction after the wait, and delivers what follows", async () => {
    const shopper = await createUser(f.db, "SHOPPER");
    const device = new Device("shopper", shopper.token);
    await device.connect(f.service.url);
    await f.db
      .$transaction(async (tx) => {
        await writeOutbox(tx, "notification", note(shopper.user.id, "rolled back"), { userId: shopper.user.id });
        throw new Error("roll back");
      })
      .catch(() => undefined);
    const after = await produce(f.db, "notification", note(shopper.user.id, "after"), { userId: shopper.user.id });
    await nudge(f.service.url);
    const started = Date.now();
    const [got] = await device.waitFor(1, 15_000);
    expect(got!.eventId).toBe(after);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    device.close();
  });
});
