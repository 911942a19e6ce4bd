import { describe, expect, it } from "vitest";
import type { ResumeResult } from "@/realtime/notifications";
import type { Ack } from "@/realtime/ack";
import { emitAck } from "../support/socket";
import { createUser } from "../support/tokens";
import { createOrder, Device, notificationsFixture, nudge, orderEvent, produce } from "./notifications-helpers";

// A small ring, so that reconnects exercise both the in-memory and the database replay.
const RING = 64;

describe("notifications replay by last id", () => {
  const f = notificationsFixture({ REPLAY_RING_SIZE: String(RING) });

  it("survives kill -9 mid-stream: after restart every client has every event of its scope exactly once, in order", async () => {
    const [alice, bob, admin] = [await createUser(f.db, "SHOPPER"), await createUser(f.db, "SHOPPER"), await createUser(f.db, "ADMIN")];
    const [orderA, orderB] = [await createOrder(f.db, alice.user.id), await createOrder(f.db, bob.user.id)];
    const phone = new Device("alice-phone", alice.token);
    const laptop = new Device("alice-laptop", alice.token);
    const bobs = new Device("bob", bob.token);
    const boss = new Device("admin", admin.token);
    const devices = [phone, laptop, bobs, boss];
    for (const d of devices) await d.connect(f.service.url);

    // What each device must end with, built alongside the events (independently of the service's routing).
    const expected = new Map<Device, [string, number][]>(devices.map((d) => [d, []]));
    const expect_ = (d: Device, event: string, id: number) => expected.get(d)!.push([event, id]);
    // At least 500 events; the producer keeps going until well after every device is back, so the
    // replays after the restart run while new events are being relayed.
    const MIN_TOTAL = 500;
    let restarted: Promise<void> | undefined;
    let back = false;
    let comeback: unknown;
    let afterBack = 0;
    let laptopBack: Promise<unknown> | undefined;
    for (let i = 0; i < MIN_TOTAL || !back || afterBack < 100; i++) {
      if (i > 5000) throw new Error(`the devices did not come back: ${String(comeback)}\n${f.service.output().slice(-3000)}`);
      if (back) afterBack += 1;
      if (i === 100) laptop.close();
      if (i === 120) laptopBack = laptop.connect(f.service.url);
      if (i === 200) {
        await laptopBack;
        const dead = f.service.kill("SIGKILL");
        restarted = dead.then(async () => {
          f.service = await f.service.restart();
          await Promise.all(devices.map((d) => d.connect(f.service.url)));
          back = true;
        });
        restarted.catch((e) => (comeback = e));
      }
      const kind = i % 4;
      if (kind === 0) {
        const id = await produce(f.db, "order.updated", orderEvent(orderA, i % 8 ? "PAID" : "PROCESSING", "PENDING"), {
          userId: alice.user.id,
          orderId: orderA.id,
          admin: true,
        });
        for (const d of [phone, laptop]) expect_(d, "order:updated", id);
        expect_(boss, "admin:order:updated", id);
      } else if (kind === 1) {
        const id = await produce(f.db, "order.updated", orderEvent(orderB, "PAID", "PENDING"), { userId: bob.user.id, orderId: orderB.id, admin: true });
        expect_(bobs, "order:updated", id);
        expect_(boss, "admin:order:updated", id);
      } else if (kind === 2) {
        const payload = { productId: "p-1", sku: "LAMP", productName: "Lamp", stock: 1000 - i, previousStock: 1001 - i, lowStockThreshold: 5 };
        const id = await produce(f.db, "inventory.updated", payload, { productId: "p-1", admin: true, everyone: true });
        for (const d of devices) expect_(d, "inventory:updated", id);
        expect_(boss, "admin:inventory:updated", id);
      } else {
        const id = await produce(
          f.db,
          "notification",
          { userId: alice.user.id, kind: "test", title: `Note ${i}`, body: "", link: null },
          { userId: alice.user.id },
        );
        for (const d of [phone, laptop]) expect_(d, "notification", id);
      }
      // Awaited: local SQLite calls settle as microtasks, so this is where the test's own sockets and timers get to run.
      await nudge(f.service.url);
    }
    await restarted;

    for (const d of devices) {
      const want = expected.get(d)!;
      const got = await d.waitFor(want.length);
      expect(
        got.map((r) => [r.event, r.eventId]),
        d.name,
      ).toEqual(want);
    }
    // Nothing arrives after the last expected event either (no late duplicates).
    const last = await produce(f.db, "product.created", { productId: "p-2", sku: "RUG", name: "Rug", priceCents: 100, stock: 1 }, { everyone: true });
    await nudge(f.service.url);
    for (const d of devices) {
      const got = await d.waitFor(expected.get(d)!.length + 1);
      expect(got.length, d.name).toBe(expected.get(d)!.length + 1);
      expect(got.at(-1)!.eventId).toBe(last);
    }
    for (const d of devices) d.close();
  });

  it("gives a client with a stale last id, after a restart, every event it missed and then the live ones", async () => {
    const shopper = await createUser(f.db, "SHOPPER");
    const order = await createOrder(f.db, shopper.user.id);
    const scope = { userId: shopper.user.id, orderId: order.id };
    const device = new Device("shopper", shopper.token);
    await device.connect(f.service.url);
    const emit = async () => {
      const id = await produce(f.db, "order.updated", orderEvent(order, "PROCESSING", "PAID"), scope);
      await nudge(f.service.url);
      return id;
    };
    const seen = [await emit(), await emit()];
    await device.waitFor(2);
    device.close();

    const missed = [await emit(), await emit()];
    expect(await f.service.kill("SIGTERM")).toBe(0);
    missed.push(await emit(), await emit());
    f.service = await f.service.restart();
    missed.push(await emit());

    const hello = await device.connect(f.service.url);
    expect(hello.replayed).toBe(missed.length);
    const live = await emit();
    const got = await device.waitFor(seen.length + missed.length + 1);
    expect(got.map((r) => r.eventId)).toEqual([...seen, ...missed, live]);
    device.close();
  });

  it("replays from the database and then from memory when a client was away longer than the ring holds", async () => {
    const shopper = await createUser(f.db, "SHOPPER");
    const device = new Device("shopper", shopper.token);
    await device.connect(f.service.url);
    device.close();
    const ids: number[] = [];
    for (let i = 0; i < RING * 3; i++) {
      ids.push(
        await produce(f.db, "notification", { userId: shopper.user.id, kind: "test", title: `n${i}`, body: "", link: null }, { userId: shopper.user.id }),
      );
      if (i % 10 === 0) void nudge(f.service.url);
    }
    await nudge(f.service.url);
    const hello = await device.connect(f.service.url);
    expect(hello.replayed).toBe(ids.length);
    expect((await device.waitFor(ids.length)).map((r) => r.eventId)).toEqual(ids);
    device.close();
  });

  it("replays on `resume` for a client that could not send its last id in the handshake", async () => {
    const shopper = await createUser(f.db, "SHOPPER");
    const device = new Device("shopper", shopper.token);
    const first = await produce(
      f.db,
      "notification",
      { userId: shopper.user.id, kind: "test", title: "before", body: "", link: null },
      { userId: shopper.user.id },
    );
    await nudge(f.service.url);
    await device.connect(f.service.url, { resume: false });
    const ack = await emitAck<Ack<ResumeResult>>(device.socket!, "resume", { lastEventId: first - 1 });
    expect(ack).toMatchObject({ ok: true, data: { replayed: 1 } });
    expect(device.received.map((r) => r.eventId)).toEqual([first]);
    expect(await emitAck(device.socket!, "resume", { lastEventId: -1 })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    device.close();
  });
});
