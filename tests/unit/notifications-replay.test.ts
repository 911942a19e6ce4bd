import { beforeEach, describe, expect, it, vi } from "vitest";
import type { OutboxRow } from "../../mini-services/notifications/relay/outbox-reader";
import { deliveriesOf } from "../../mini-services/notifications/relay/deliveries";
import { RecentRing } from "../../mini-services/notifications/relay/recent-ring";
import type { Relay, RelayedEvent } from "../../mini-services/notifications/relay/relay";
import { replayThenGoLive } from "../../mini-services/notifications/relay/replay";
import { Session } from "../../mini-services/notifications/sessions";
import type { AnySocket } from "@/server/service/define-handler";

const reader = vi.hoisted(() => ({ scopedRows: vi.fn() }));
vi.mock("../../mini-services/notifications/relay/outbox-reader", () => reader);

const row = (id: number): OutboxRow => ({
  id,
  topic: "notification",
  userId: "u1",
  orderId: null,
  productId: null,
  admin: false,
  everyone: false,
  payload: JSON.stringify({ userId: "u1", kind: "test", title: `#${id}`, body: "", link: null }),
  createdAt: new Date(0),
});

/** A relay stand-in: the ring, the cursor, and live emits that reach the socket only through its rooms. */
function fakeRelay(floor: number) {
  const relay = { cursor: floor, ring: new RecentRing<RelayedEvent>(4, floor) };
  const sessions: Session[] = [];
  const deliver = (id: number) => {
    const deliveries = deliveriesOf(row(id));
    for (const s of sessions) for (const d of deliveries) if (s.live && d.rooms.some((r) => s.rooms.has(r))) s.socket.emit(d.event, d.data);
    relay.ring.push({ id, deliveries });
    relay.cursor = id;
  };
  return { relay: relay as unknown as Relay, sessions, deliver };
}

function fakeSocket() {
  const got: number[] = [];
  const socket = { disconnected: false, emit: (_: string, data: { eventId: number }) => got.push(data.eventId), join: () => undefined, leave: () => undefined };
  return { socket: socket as unknown as AnySocket, got };
}

describe("replay then live", () => {
  beforeEach(() => reader.scopedRows.mockReset());

  it("switches to live with no gap and no duplicate while the relay moves during the database read", async () => {
    const { relay, sessions, deliver } = fakeRelay(10);
    for (let id = 11; id <= 14; id++) deliver(id);
    const { socket, got } = fakeSocket();
    const session = new Session(socket, { sub: "u1", role: "SHOPPER", name: "u" });
    sessions.push(session);

    // While the replay waits for rows 6..10, the relay delivers 15..17 (evicting 11..13 from the ring).
    reader.scopedRows.mockImplementationOnce(async (_scope: unknown, after: number, upTo: number) => {
      for (let id = 15; id <= 17; id++) deliver(id);
      return Array.from({ length: upTo - after }, (_, i) => row(after + 1 + i));
    });
    reader.scopedRows.mockImplementationOnce(async (_scope: unknown, after: number, upTo: number) =>
      Array.from({ length: upTo - after }, (_, i) => row(after + 1 + i)),
    );

    const result = await replayThenGoLive(session, relay, 5, 100);
    deliver(18);
    expect(got).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
    expect(result).toEqual({ replayed: 12, lastEventId: 17 });
    expect(reader.scopedRows.mock.calls.map((c) => [c[1], c[2]])).toEqual([
      [5, 10],
      [10, 13],
    ]);
  });

  it("replays from memory alone when the ring holds everything after the last id", async () => {
    const { relay, sessions, deliver } = fakeRelay(10);
    for (let id = 11; id <= 13; id++) deliver(id);
    const { socket, got } = fakeSocket();
    const session = new Session(socket, { sub: "u1", role: "SHOPPER", name: "u" });
    sessions.push(session);
    await replayThenGoLive(session, relay, 11, 100);
    deliver(14);
    expect(got).toEqual([12, 13, 14]);
    expect(reader.scopedRows).not.toHaveBeenCalled();
  });

  it("skips events outside the socket's scope", async () => {
    const { relay, sessions, deliver } = fakeRelay(0);
    deliver(1);
    const { socket, got } = fakeSocket();
    const session = new Session(socket, { sub: "someone-else", role: "SHOPPER", name: "u" });
    sessions.push(session);
    await replayThenGoLive(session, relay, 0, 100);
    deliver(2);
    expect(got).toEqual([]);
  });
});
