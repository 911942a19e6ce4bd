import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ack } from "@/realtime/ack";
import type { QueueChange } from "@/realtime/support-chat";
import { AUDIENCE, issueToken, type Identity } from "@/server/auth/tokens";
import { createDb, type Db } from "@/server/db/client";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { TEST_SECRETS } from "../support/env";
import { startService, type ServiceName, type ServiceProcess } from "../support/service-process";
import { connect, emitAck, nextEvent } from "../support/socket";
import { createUser } from "../support/tokens";
import { createShow } from "../integration/live-helpers";
import { createOrder, Device, nudge, orderEvent, produce } from "../integration/notifications-helpers";
import { report, tableCounts } from "./figures";
import { handlerEvents } from "./service-events";

// Case 12 (sockets): origins, tokens, and what a shopper may not reach, on every service.
const names: ServiceName[] = ["support-chat", "live-stream", "notifications"];
let database: TestDatabase;
let db: Db;
const services = {} as Record<ServiceName, ServiceProcess>;
const open: Socket[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url);
  for (const name of names) services[name] = await startService(name, { databaseUrl: database.url });
});
afterAll(async () => {
  open.forEach((s) => s.close());
  await Promise.all(Object.values(services).map((s) => s.kill("SIGKILL")));
  await db?.$disconnect();
  await database?.drop();
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const now = () => Math.floor(Date.now() / 1000);

/** Every way a token can be wrong; each must be refused at the handshake. */
async function badTokens(identity: Identity): Promise<Record<string, unknown>> {
  const admin = { ...identity, role: "ADMIN" as const };
  const claims = { sub: identity.sub, role: "ADMIN", name: identity.name, iss: "calor", aud: AUDIENCE.realtime, iat: now(), exp: now() + 600 };
  const valid = (await issueToken(identity, TEST_SECRETS.AUTH_SECRET, AUDIENCE.realtime)).token;
  const [header, , signature] = valid.split(".");
  return {
    expired: (await issueToken(identity, TEST_SECRETS.AUTH_SECRET, AUDIENCE.realtime, now() - 3600)).token,
    "wrong key": (await issueToken(admin, "another-secret-that-is-long-enough-0123456789", AUDIENCE.realtime)).token,
    "alg none": `${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.`,
    "role edited, signature kept": `${header}.${b64(claims)}.${signature}`,
    "session audience": (await issueToken(admin, TEST_SECRETS.AUTH_SECRET, AUDIENCE.session)).token,
    HS512: await new SignJWT({ role: "ADMIN", name: identity.name })
      .setProtectedHeader({ alg: "HS512" })
      .setSubject(identity.sub)
      .setIssuer("calor")
      .setAudience(AUDIENCE.realtime)
      .setExpirationTime("10m")
      .sign(new TextEncoder().encode(TEST_SECRETS.AUTH_SECRET)),
    garbage: "not.a.token",
  };
}

const track = (socket: Socket) => {
  open.push(socket);
  return socket;
};

describe.each(names)("%s handshake", (name) => {
  it("refuses foreign origins over WebSocket and polling, and takes the allowed one", async () => {
    const { token } = await createUser(db, "SHOPPER");
    let refused = 0;
    for (const origin of ["https://evil.example", "null", "http://localhost:8080.evil.example", "http://localhost:8081"]) {
      for (const transport of ["websocket", "polling"] as const) {
        await expect(connect(services[name].url, { token, origin, transports: [transport] }), `${origin} over ${transport}`).rejects.toThrow();
        refused += 1;
      }
    }
    expect(track(await connect(services[name].url, { token })).connected).toBe(true);
    report(`security ${name} origins`, { refused });
  });

  it("refuses every bad token; without one, only the guest-friendly service lets a socket in, as nobody", async () => {
    const { identity } = await createUser(db, "SHOPPER");
    const tokens = await badTokens(identity);
    for (const [label, token] of Object.entries(tokens)) {
      await expect(connect(services[name].url, { token: token as string }), label).rejects.toThrow(/UNAUTHORIZED/);
    }
    if (name === "live-stream") {
      const guest = track(await connect(services[name].url));
      const ack = await emitAck<Ack<unknown>>(guest, "claim_offer", { offerId: "any", clientClaimId: randomUUID() });
      expect(!ack.ok && ack.error.code).toBe("UNAUTHORIZED");
    } else {
      await expect(connect(services[name].url), "no token").rejects.toThrow(/UNAUTHORIZED/);
    }
    report(`security ${name} tokens`, { refused: Object.keys(tokens).length });
  });
});

/**
 * A shopper aims every event it may not use at someone else's things. Each must be refused, no
 * row may change and the owners' sockets must hear nothing. Events left out of both lists fail
 * the test, so a new event gets a decision.
 */
interface Matrix {
  /** Events a shopper uses on its own things only (checked elsewhere or harmless). */
  own: string[];
  /** The attack: event → payload aimed at the victim. */
  attacks(): Promise<{ payloads: Record<string, unknown>; victims: Socket[]; attacker: Socket }>;
}

/**
 * Agents hear queue changes coalesced (~100 ms apart, flushed in order), so the setup's own may
 * still be on their way. A bystander joining the queue now is flushed with or after every earlier
 * change: once the agent hears it, nothing from the setup is left to arrive during the attack.
 */
async function queueSettled(url: string, agentSocket: Socket): Promise<void> {
  const heard = new Set<string>();
  let check = () => {};
  const onChange = (change: QueueChange) => {
    change.sessions.forEach((s) => heard.add(s.sessionId));
    check();
  };
  agentSocket.on("queue_changed", onChange);
  const bystander = track(await connect(url, { token: (await createUser(db, "GUEST")).token }));
  const started = await emitAck<Ack<{ session: { id: string } }>>(bystander, "start_session", { topic: "Sizes" });
  if (!started.ok) throw new Error(started.error.message);
  await new Promise<void>((resolve) => {
    check = () => heard.has(started.data.session.id) && resolve();
    check();
  });
  agentSocket.off("queue_changed", onChange);
}

const matrices: Record<ServiceName, Matrix> = {
  "support-chat": {
    own: ["start_session", "list_my_sessions"],
    async attacks() {
      const url = services["support-chat"].url;
      const agent = await createUser(db, "AGENT");
      const agentSocket = track(await connect(url, { token: agent.token }));
      await emitAck(agentSocket, "set_agent_status", { status: "online" });
      const victim = track(await connect(url, { token: (await createUser(db, "GUEST")).token }));
      const started = await emitAck<Ack<{ session: { id: string }; resumeToken: string }>>(victim, "start_session", { topic: "My order" });
      if (!started.ok) throw new Error(started.error.message);
      const sessionId = started.data.session.id;
      await emitAck(agentSocket, "claim_session", { sessionId });
      await emitAck(victim, "send_message", { sessionId, clientMessageId: randomUUID(), body: "my address is 1 Private Road" });
      await queueSettled(url, agentSocket);
      const attacker = track(await connect(url, { token: (await createUser(db, "SHOPPER")).token }));
      const ref = { sessionId };
      return {
        victims: [victim, agentSocket],
        attacker,
        payloads: {
          rejoin_session: { sessionId, lastSeq: 0 },
          send_message: { sessionId, clientMessageId: randomUUID(), body: "hello from a stranger" },
          typing: { sessionId, isTyping: true },
          mark_read: { sessionId, seq: 2 },
          end_session: ref,
          rate_session: { sessionId, rating: 1 },
          set_contact: { sessionId, email: "stranger@example.com" },
          set_agent_status: { status: "online" },
          get_queue: {},
          claim_session: ref,
          release_session: ref,
          transfer_session: { sessionId, toAgentId: agent.user.id },
          add_note: { sessionId, clientMessageId: randomUUID(), body: "note" },
          search_sessions: { query: "address" },
          get_transcript: ref,
          get_shopper_context: ref,
          list_canned_responses: {},
        },
      };
    },
  },
  "live-stream": {
    own: ["join_stream", "leave_stream", "send_message", "add_reaction", "product_click", "cart_add", "claim_offer"],
    async attacks() {
      const url = services["live-stream"].url;
      const host = await createUser(db, "HOST");
      const { show, products } = await createShow(db, host.user.id);
      const showId = show.id;
      const hostSocket = track(await connect(url, { token: host.token }));
      const viewer = await createUser(db, "SHOPPER");
      const viewerSocket = track(await connect(url, { token: viewer.token }));
      const attacker = track(await connect(url, { token: (await createUser(db, "SHOPPER")).token }));
      for (const s of [hostSocket, viewerSocket, attacker]) await emitAck(s, "join_stream", { showId });
      // The setup's own broadcasts must have reached every victim before the test listens: a
      // sender's ack and the other sockets' copies travel on different connections.
      const setupHeard = [hostSocket, attacker].map((s) => nextEvent(s, "new_message"));
      const said = await emitAck<Ack<{ id: string }>>(viewerSocket, "send_message", { showId, body: "hello" });
      if (!said.ok) throw new Error(said.error.message);
      const messageId = said.data.id;
      setupHeard.push(...[hostSocket, viewerSocket, attacker].map((s) => nextEvent(s, "offer_activated")));
      const offer = await emitAck<Ack<{ id: string }>>(hostSocket, "activate_offer", {
        showId,
        productId: products[0]!.id,
        priceCents: 100,
        quantity: 5,
        durationSeconds: 60,
      });
      if (!offer.ok) throw new Error(offer.error.message);
      await Promise.all(setupHeard);
      return {
        victims: [hostSocket, viewerSocket],
        attacker,
        payloads: {
          go_live: { showId },
          end_stream: { showId },
          feature_product: { showId, productId: products[1]!.id },
          activate_offer: { showId, productId: products[1]!.id, priceCents: 1, quantity: 1000, durationSeconds: 60 },
          end_offer: { showId, offerId: offer.data.id },
          pin_message: { showId, messageId },
          highlight_message: { showId, messageId },
          delete_message: { showId, messageId },
          mute_user: { showId, userId: viewer.user.id, minutes: 60 },
          ban_user: { showId, userId: viewer.user.id },
          lift_sanctions: { showId, userId: viewer.user.id },
          set_slow_mode: { showId, seconds: 600 },
          set_chat_enabled: { showId, enabled: false },
          set_blocked_words: { showId, words: ["hello"] },
        },
      };
    },
  },
  notifications: {
    own: ["order:unsubscribe", "subscribe:orders", "resume"],
    async attacks() {
      const url = services.notifications.url;
      const owner = await createUser(db, "SHOPPER");
      const order = await createOrder(db, owner.user.id);
      const ownerSocket = track(await connect(url, { token: owner.token }));
      const attacker = track(await connect(url, { token: (await createUser(db, "SHOPPER")).token }));
      return { victims: [ownerSocket], attacker, payloads: { "order:subscribe": { orderId: order.id }, "subscribe:admin": {}, "request:stats": {} } };
    },
  },
};

// Periodic broadcasts that no attacker causes.
const BACKGROUND = new Set(["viewer_count_update", "analytics_update"]);

describe.each(names)("a shopper on %s", (name) => {
  it("cannot use others' rooms, chats, orders or any host/agent/admin event", async () => {
    const matrix = matrices[name];
    const { payloads, victims, attacker } = await matrix.attacks();
    const uncovered = handlerEvents(name).filter((e) => !matrix.own.includes(e) && !(e in payloads));
    expect(uncovered, "events with no access decision in this test").toEqual([]);

    const heard: string[] = [];
    victims.forEach((v) => v.onAny((event: string) => !BACKGROUND.has(event) && heard.push(event)));
    const before = await tableCounts(db);
    const codes: Record<string, string> = {};
    for (const [event, payload] of Object.entries(payloads)) {
      const ack = await emitAck<{ ok?: boolean; success?: boolean; error?: { code: string } }>(attacker, event, payload);
      expect(ack.ok === true || ack.success === true, `${event} was accepted`).toBe(false);
      codes[event] = ack.error?.code ?? "?";
    }
    // A broadcast caused by an attempt would have reached the victims by the time a round trip has.
    for (const v of victims)
      await emitAck(v, name === "notifications" ? "subscribe:orders" : name === "live-stream" ? "product_click" : "list_my_sessions", {});
    expect(await tableCounts(db)).toEqual(before);
    expect(heard).toEqual([]);
    expect(Object.values(codes).every((c) => c === "FORBIDDEN" || c === "NOT_FOUND")).toBe(true);
    report(`security ${name} access`, { attempts: Object.keys(payloads).length, ...Object.fromEntries(Object.entries(codes).map(([e, c]) => [e, c])) });
  });
});

describe("notifications scope", () => {
  it("replays nothing of another user's orders, from any last id", async () => {
    const url = services.notifications.url;
    const owner = await createUser(db, "SHOPPER");
    const stranger = await createUser(db, "SHOPPER");
    const order = await createOrder(db, owner.user.id);
    const id = await produce(db, "order.updated", orderEvent(order, "PAID", "PENDING"), { userId: owner.user.id, orderId: order.id, admin: true });
    await nudge(url);
    const ownerDevice = new Device("owner", owner.token);
    const strangerDevice = new Device("stranger", stranger.token);
    ownerDevice.lastEventId = 0;
    strangerDevice.lastEventId = 0;
    await ownerDevice.connect(url);
    const hello = await strangerDevice.connect(url);
    expect(hello.lastEventId).toBeGreaterThanOrEqual(id);
    await ownerDevice.waitFor(1);
    const resumed = await emitAck<Ack<{ replayed: number }>>(strangerDevice.socket!, "resume", { lastEventId: 0 });
    expect(resumed.ok && resumed.data.replayed).toBe(0);
    expect(strangerDevice.received).toEqual([]);
    expect(ownerDevice.received.map((r) => r.eventId)).toEqual([id]);
    ownerDevice.close();
    strangerDevice.close();
  });

  it("lets a notification link only to a path on this site", async () => {
    const admin = await createUser(db, "ADMIN");
    const shopper = await createUser(db, "SHOPPER");
    const send = (link: string) =>
      fetch(`${services.notifications.url}/realtime/test/notification`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${admin.token}` },
        body: JSON.stringify({ userId: shopper.user.id, link }),
      }).then((r) => r.status);
    for (const link of ["//evil.example/login", "/\\evil.example", "https://evil.example", "javascript:alert(1)"]) expect(await send(link), link).toBe(400);
    expect(await send("/orders")).toBe(202);
  });

  it("keeps its HTTP endpoints to the service token and admins", async () => {
    const url = services.notifications.url;
    const shopper = await createUser(db, "SHOPPER");
    const [forged] = Object.values(await badTokens(shopper.identity)) as string[];
    const statuses: Record<string, number> = {};
    const call = async (label: string, path: string, method: string, token?: string) => {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: method === "POST" ? JSON.stringify({ userId: shopper.user.id, orderId: "o", status: "PAID", previousStatus: "PENDING" }) : undefined,
      });
      statuses[label] = res.status;
    };
    for (const [path, method] of [
      ["/realtime/stats", "GET"],
      ["/realtime/broadcast/order", "POST"],
      ["/realtime/broadcast/inventory", "POST"],
      ["/realtime/test/notification", "POST"],
      ["/internal/outbox/nudge", "POST"],
      ["/internal/notifications/read", "POST"],
    ] as const) {
      await call(`${path} none`, path, method);
      await call(`${path} shopper`, path, method, shopper.token);
      await call(`${path} forged`, path, method, forged);
    }
    report("security notifications http", statuses);
    for (const [label, status] of Object.entries(statuses)) expect([401, 403], label).toContain(status);
  });
});
