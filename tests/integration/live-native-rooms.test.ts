import type { Socket } from "socket.io-client";
import { WebSocket } from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessage } from "@/realtime/live-stream";
import { collect, connect, emitAck, nextEvent } from "../support/socket";
import { createUser } from "../support/tokens";
import { closeAll, connectAll, createShow, createUsers, join, liveService, ok } from "./live-helpers";

// A show's rooms are published through Bun's pub/sub (src/server/service/native-rooms.ts) to
// WebSocket clients; clients still on long-polling are served by Socket.IO's own loop until
// they upgrade. Every client must get every message once, in order, whichever path it is on.
describe("show broadcasts over native pub/sub", () => {
  const fx = liveService();
  let senders: Socket[];
  let showId: string;
  const open: Socket[] = [];

  beforeAll(async () => {
    const hostUser = await createUser(fx.db, "HOST");
    showId = (await createShow(fx.db, hostUser.user.id)).show.id;
    // Several senders in turn: one identity may send 20 events per second.
    senders = await connectAll(fx.service.url, await createUsers(fx.db, 8));
    open.push(...senders);
    await Promise.all(senders.map((s) => join(s, showId)));
  });
  afterAll(() => closeAll(open));

  let turn = 0;
  /** `count` messages sent one after the other; their ids in order. */
  async function chat(count: number, tag: string): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const sender = senders[turn++ % senders.length]!;
      ids.push((await ok<ChatMessage>(sender, "send_message", { showId, body: `${tag} ${i}` })).id);
    }
    return ids;
  }

  it("reaches WebSocket, polling-only and upgrading clients alike, once and in order", async () => {
    const users = await createUsers(fx.db, 3);
    const ws = await connect(fx.service.url, { token: users[0]!.token });
    const polling = await connect(fx.service.url, { token: users[1]!.token, transports: ["polling"] });
    open.push(ws, polling);
    await Promise.all([ws, polling].map((s) => join(s, showId)));
    const inboxes = [ws, polling].map((s) => collect<ChatMessage>(s, "new_message"));
    // Joins on long-polling, reads some messages there, then upgrades to WebSocket by hand.
    const upgrading = await RawClient.connect(fx.service.url, users[2]!.token);
    await upgrading.joinShow(showId);

    const sent = await chat(3, "on polling");
    await upgrading.poll();
    sent.push(...(await chat(2, "unread on polling")));
    await upgrading.upgrade();
    // The first broadcast after the upgrade subscribes it; the rest are published natively.
    sent.push(...(await chat(4, "on websocket")));

    const last = sent.at(-1)!;
    await Promise.all([
      ...[ws, polling].map((s, i) => (inboxes[i]!.some((m) => m.id === last) ? null : nextEvent<ChatMessage>(s, "new_message", (m) => m.id === last))),
      upgrading.received(last),
    ]);
    for (const inbox of inboxes) expect(inbox.map((m) => m.id)).toEqual(sent);
    expect(upgrading.inbox).toEqual(sent);
    upgrading.close();
  });

  it("stops at leave_stream and starts again at the next join", async () => {
    const [user] = await createUsers(fx.db, 1);
    const viewer = await connect(fx.service.url, { token: user!.token });
    open.push(viewer);
    await join(viewer, showId);
    const inbox = collect<ChatMessage>(viewer, "new_message");
    const [first] = await chat(1, "joined");
    await ok(viewer, "leave_stream", { showId });
    await chat(2, "left");
    // Anything published to it would have arrived before the answer to its own round trip.
    await emitAck(viewer, "product_click", { showId, productId: "none" });
    await join(viewer, showId);
    const [back] = await chat(1, "rejoined");
    if (!inbox.some((m) => m.id === back)) await nextEvent<ChatMessage>(viewer, "new_message", (m) => m.id === back);
    expect(inbox.map((m) => m.id)).toEqual([first, back]);
  });

  it("keeps serving the room once half of it has disconnected", async () => {
    const users = await createUsers(fx.db, 20);
    const viewers = await connectAll(fx.service.url, users);
    open.push(...viewers);
    await Promise.all(viewers.map((v) => join(v, showId)));
    const inboxes = viewers.map((v) => collect<ChatMessage>(v, "new_message"));
    const gone = viewers.slice(0, 10);
    const left = Promise.all(gone.map((v) => new Promise((resolve) => v.once("disconnect", resolve))));
    closeAll(gone);
    await left;
    const [id] = await chat(1, "after the others left");
    const stayed = viewers.slice(10);
    await Promise.all(stayed.map((v, i) => (inboxes[10 + i]!.length ? null : nextEvent<ChatMessage>(v, "new_message", (m) => m.id === id))));
    expect(inboxes.slice(10).every((inbox) => inbox.length === 1 && inbox[0]!.id === id)).toBe(true);
  });
});

/**
 * Engine.IO v4 / Socket.IO v5 spoken by hand, so the test decides when the upgrade happens (a
 * real client upgrades within milliseconds, usually before it has joined anything).
 */
class RawClient {
  readonly inbox: string[] = [];
  private ws: WebSocket | null = null;
  private waiters: { id: string; resolve: () => void }[] = [];

  private constructor(
    private readonly url: string,
    private readonly sid: string,
  ) {}

  static async connect(base: string, token: string): Promise<RawClient> {
    const url = `${base}/socket.io/?EIO=4&transport=polling`;
    const open = await (await fetch(url)).text();
    const client = new RawClient(url, (JSON.parse(open.slice(1)) as { sid: string }).sid);
    await client.post(`40${JSON.stringify({ token })}`);
    const packets = await client.poll();
    if (!packets.some((p) => p.startsWith("40"))) throw new Error(`no CONNECT: ${packets.join(" | ")}`);
    return client;
  }

  async joinShow(showId: string): Promise<void> {
    await this.post(`420${JSON.stringify(["join_stream", { showId }])}`);
    for (let tries = 0; tries < 10; tries += 1) {
      const ack = (await this.poll()).find((p) => p.startsWith("430"));
      if (ack) {
        if (!(JSON.parse(ack.slice(3)) as [{ ok: boolean }])[0].ok) throw new Error(`join refused: ${ack}`);
        return;
      }
    }
    throw new Error("no join_stream ack");
  }

  /** One long-polling GET; chat messages in it go to the inbox. */
  async poll(): Promise<string[]> {
    const packets = (await (await fetch(`${this.url}&sid=${this.sid}`)).text()).split("\x1e");
    packets.forEach((p) => this.take(p));
    return packets;
  }

  /** Probe, then switch: the server flushes what it buffered over the WebSocket. */
  async upgrade(): Promise<void> {
    const ws = new WebSocket(`${this.url.replace(/^http/, "ws").replace("polling", "websocket")}&sid=${this.sid}`);
    this.ws = ws;
    await new Promise((resolve, reject) => {
      ws.once("open", resolve);
      ws.once("error", reject);
    });
    const probed = new Promise((resolve) => ws.once("message", resolve));
    ws.send("2probe");
    expect(String(await probed)).toBe("3probe");
    ws.on("message", (data) => {
      const frame = String(data);
      if (frame === "2") ws.send("3");
      else this.take(frame);
    });
    ws.send("5");
  }

  received(id: string): Promise<void> {
    if (this.inbox.includes(id)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ id, resolve }));
  }

  close(): void {
    this.ws?.close();
  }

  private take(packet: string): void {
    if (!packet.startsWith("42")) return;
    const [event, payload] = JSON.parse(packet.slice(2)) as [string, ChatMessage];
    if (event !== "new_message") return;
    this.inbox.push(payload.id);
    this.waiters.filter((w) => w.id === payload.id).forEach((w) => w.resolve());
  }

  private async post(body: string): Promise<void> {
    const res = await fetch(`${this.url}&sid=${this.sid}`, { method: "POST", body });
    if (!res.ok) throw new Error(`POST ${res.status}: ${await res.text()}`);
  }
}
