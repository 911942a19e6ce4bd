import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ack } from "@/realtime/ack";
import type { ChatMessage, ClaimResult, OfferView, Sanction } from "@/realtime/live-stream";
import { startService, type ServiceProcess } from "../support/service-process";
import { collect, connect, emitAck, nextEvent } from "../support/socket";
import { createUser } from "../support/tokens";
import { closeAll, connectAll, createShow, createUsers, join, liveDatabase, liveService, ok, refused } from "./live-helpers";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

async function viewerCount(socket: Socket, showId: string) {
  return (await join(socket, showId)).viewerCount;
}

describe("viewer count on one instance", () => {
  const fx = liveService();

  it("counts people, not tabs; anonymous sockets one each; stays right across a reconnect", async () => {
    const hostUser = await createUser(fx.db, "HOST");
    const { show } = await createShow(fx.db, hostUser.user.id);
    const host = await connect(fx.service.url, { token: hostUser.token });
    await join(host, show.id);
    const [alice, bob] = await createUsers(fx.db, 2);
    const tabs = await connectAll(fx.service.url, [alice!, alice!, alice!, bob!]);
    const anonymous = await Promise.all([connect(fx.service.url), connect(fx.service.url)]);
    const four = nextEvent<{ count: number }>(host, "viewer_count_update", (p) => p.count === 4);
    for (const s of [...tabs, ...anonymous]) await join(s, show.id);
    await four;
    expect(await viewerCount(host, show.id)).toBe(4);

    // Two of Alice's three tabs go: she still watches.
    tabs[0]!.close();
    await ok(tabs[1]!, "leave_stream", { showId: show.id });
    const [aliceAgain] = await connectAll(fx.service.url, [alice!]);
    await join(aliceAgain!, show.id);
    anonymous[0]!.close();
    const down = nextEvent<{ count: number }>(host, "viewer_count_update", (p) => p.count === 3);
    await down;
    // Her last tabs go: one person fewer.
    const two = nextEvent<{ count: number }>(host, "viewer_count_update", (p) => p.count === 2);
    tabs[2]!.close();
    aliceAgain!.close();
    await two;
    closeAll([host, tabs[3]!, anonymous[1]!]);
  });
});

// Several instances behind the gateway share Redis: counts, chat, slow mode and claims agree.
describe("two instances over Redis", () => {
  const fx = liveDatabase();
  let a: ServiceProcess;
  let b: ServiceProcess;
  const env = { REDIS_URL, LIVE_PRESENCE_TTL_MS: "3000" };

  beforeAll(async () => {
    [a, b] = await Promise.all([
      startService("live-stream", { databaseUrl: fx.database.url, env }),
      startService("live-stream", { databaseUrl: fx.database.url, env }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a?.kill("SIGKILL"), b?.kill("SIGKILL")]);
  });

  /** A show whose host is connected to instance a and joined. */
  async function hostedShow() {
    const hostUser = await createUser(fx.db, "HOST");
    const { show } = await createShow(fx.db, hostUser.user.id);
    const host = await connect(a.url, { token: hostUser.token });
    await join(host, show.id);
    return { showId: show.id, host };
  }

  it("counts a person with tabs on both instances once, carries chat across, shares slow mode", async () => {
    const { showId, host } = await hostedShow();
    const [alice, bob] = await createUsers(fx.db, 2);
    const aliceOnA = await connect(a.url, { token: alice!.token });
    const aliceOnB = await connect(b.url, { token: alice!.token });
    const bobOnB = await connect(b.url, { token: bob!.token });
    const two = nextEvent<{ count: number }>(host, "viewer_count_update", (p) => p.count === 2);
    for (const s of [aliceOnA, aliceOnB, bobOnB]) await join(s, showId);
    await two;
    expect(await viewerCount(bobOnB, showId)).toBe(2);

    const onA = nextEvent<ChatMessage>(aliceOnA, "new_message", (m) => m.body === "from b");
    await ok(bobOnB, "send_message", { showId, body: "from b" });
    await onA;

    const settings = nextEvent(bobOnB, "chat_settings_updated");
    await ok(host, "set_slow_mode", { showId, seconds: 60 });
    await settings;
    await ok(aliceOnA, "send_message", { showId, body: "once" });
    expect((await refused(aliceOnB, "send_message", { showId, body: "twice, elsewhere" })).code).toBe("RATE_LIMITED");

    const one = nextEvent<{ count: number }>(host, "viewer_count_update", (p) => p.count === 1);
    bobOnB.close();
    await one;
    closeAll([host, aliceOnA, aliceOnB]);
  });

  it("mutes and bans a viewer whose tabs are on both instances: every tab is told, a ban empties both rooms", async () => {
    const { showId, host } = await hostedShow();
    const [carol, dave] = await createUsers(fx.db, 2);
    const tabs = [await connect(a.url, { token: carol!.token }), await connect(b.url, { token: carol!.token })];
    const daveOnB = await connect(b.url, { token: dave!.token });
    for (const s of [...tabs, daveOnB]) await join(s, showId);
    const untouched = collect(daveOnB, "sanction_updated");

    const muted = tabs.map((t) => nextEvent<Sanction>(t, "sanction_updated", (p) => p.mutedUntil !== null));
    await ok(host, "mute_user", { showId, userId: carol!.id, minutes: 5 });
    expect((await Promise.all(muted)).every((s) => s.showId === showId && !s.banned)).toBe(true);

    const banned = tabs.map((t) => nextEvent<Sanction>(t, "sanction_updated", (p) => p.banned));
    const down = nextEvent<{ count: number }>(host, "viewer_count_update", (p) => p.count === 1);
    await ok(host, "ban_user", { showId, userId: carol!.id });
    await Promise.all(banned);
    await down;
    const missed = tabs.map((t) => collect(t, "new_message"));
    const seen = nextEvent(host, "new_message", (m: ChatMessage) => m.body === "after the ban");
    await ok(daveOnB, "send_message", { showId, body: "after the ban" });
    await seen;
    expect(missed.flat()).toHaveLength(0);
    expect(untouched).toHaveLength(0);
    closeAll([host, ...tabs, daveOnB]);
  });

  it("gives one unit to a shopper claiming on both instances at once", async () => {
    const hostUser = await createUser(fx.db, "HOST");
    const { show, products } = await createShow(fx.db, hostUser.user.id, { products: 1, stock: 10 });
    const host = await connect(a.url, { token: hostUser.token });
    await join(host, show.id);
    const offer = await ok<OfferView>(host, "activate_offer", {
      showId: show.id,
      productId: products[0]!.id,
      priceCents: 500,
      quantity: 10,
      durationSeconds: 60,
    });
    const [shopper] = await createUsers(fx.db, 1);
    const tabs = await Promise.all([a, b, a, b].map((s) => connect(s.url, { token: shopper!.token })));
    const acks = await Promise.all(tabs.map((t) => emitAck<Ack<ClaimResult>>(t, "claim_offer", { offerId: offer.id, clientClaimId: randomUUID() })));
    const outcomes = acks.map((ack) => (ack.ok ? ack.data.outcome : ack.error.code)).sort();
    expect(outcomes).toEqual(["already_claimed", "already_claimed", "already_claimed", "won"]);
    expect(await fx.db.offerClaim.count({ where: { offerId: offer.id } })).toBe(1);
    expect(await fx.db.product.findUniqueOrThrow({ where: { id: products[0]!.id } })).toMatchObject({ stock: 9 });
    closeAll([host, ...tabs]);
  });

  it("forgets the viewers of an instance that died without saying goodbye", async () => {
    const hostUser = await createUser(fx.db, "HOST");
    const { show } = await createShow(fx.db, hostUser.user.id);
    const host = await connect(a.url, { token: hostUser.token });
    await join(host, show.id);
    const users = await createUsers(fx.db, 3);
    const onA = await connect(a.url, { token: users[0]!.token });
    const onB = await Promise.all(users.slice(1).map((u) => connect(b.url, { token: u.token })));
    const three = nextEvent<{ count: number }>(host, "viewer_count_update", (p) => p.count === 3);
    for (const s of [onA, ...onB]) await join(s, show.id);
    await three;
    // The instance's viewers stay counted until the survivors notice its heartbeat stopped.
    const one = nextEvent<{ count: number }>(host, "viewer_count_update", (p) => p.count === 1, 20_000);
    await b.kill("SIGKILL");
    await one;
    closeAll([host, onA, ...onB]);
    b = await b.restart();
  });
});
