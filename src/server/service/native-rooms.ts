import type { AnyServer } from "@/server/service/define-handler";

type Namespace = ReturnType<AnyServer["of"]>;
type Adapter = Namespace["adapter"];
type BroadcastOptions = Parameters<Adapter["broadcast"]>[1];
type Packet = { nsp?: string } & Record<string, unknown>;

// The parts of @socket.io/bun-engine and Socket.IO internals this file relies on (not in their types).
interface Topics {
  subscribe(topic: string): void;
  unsubscribe(topic: string): void;
}
interface EngineTransport {
  name: string;
  socket?: Topics;
}
interface InternalAdapter {
  encoder: { encode(packet: Packet): unknown[] };
}
interface InternalClient {
  writeToEngine(encoded: unknown[], opts: { preEncoded: boolean; volatile?: boolean; compress?: boolean }): void;
}
interface Publisher {
  publish(topic: string, data: string): unknown;
}

/** Room broadcasts of one namespace that go through Bun's pub/sub; false: use Socket.IO's own loop. */
type NativeBroadcast = (packet: Packet, opts: BroadcastOptions) => boolean;
const natives = new WeakMap<object, NativeBroadcast>();
const patched = new WeakSet<object>();

// Socket.IO's topic spelling for its uWebSockets.js integration: namespace, unit separator, room.
const SEPARATOR = "\x1f";

/**
 * Broadcasts to the chosen rooms (a show's audience) go out through Bun's native pub/sub: the
 * packet is encoded once and Bun writes it to every subscribed WebSocket without a JavaScript
 * call per socket. Without this, Socket.IO walks the room and hands the frame to each socket's
 * engine (a packet object, two events and a send each), the bulk of a delivery's server CPU.
 *
 * The same technique as Socket.IO's own uWebSockets.js integration (socket.io/dist/uws.js): a
 * socket in such a room is subscribed to its topic while it is on the WebSocket transport.
 * Sockets still on long-polling (a browser's first seconds) wait in `pending` and are served the
 * classic way; the first broadcast after their upgrade subscribes them. Each socket's frames stay
 * in order: engine writes on WebSocket are sent at once, on the same connection as publishes.
 * Broadcasts with `except`, several rooms or binary data take Socket.IO's own path; onAnyOutgoing
 * listeners do not see native broadcasts (no service uses them).
 *
 * With the Redis adapter, local delivery of both local and remote broadcasts is Socket.IO's base
 * `broadcast`; it is wrapped once per adapter class, and acts only for namespaces set up here.
 */
export function publishRoomsNatively(nsp: Namespace, isNative: (room: string) => boolean, server: () => Publisher | null): void {
  const adapter = nsp.adapter;
  const encoder = (adapter as unknown as InternalAdapter).encoder;
  const topic = (room: string) => `${nsp.name}${SEPARATOR}${room}`;
  /** native room → sockets in it that are not subscribed (not on WebSocket yet). */
  const pending = new Map<string, Set<string>>();

  const topicsOf = (id: string): Topics | null => {
    const transport = nsp.sockets.get(id)?.conn.transport as EngineTransport | undefined;
    return transport?.name === "websocket" ? (transport.socket ?? null) : null;
  };
  const wait = (room: string, id: string) => {
    const ids = pending.get(room) ?? new Set<string>();
    pending.set(room, ids.add(id));
  };
  const stopWaiting = (room: string, id: string) => {
    const ids = pending.get(room);
    if (ids?.delete(id) && ids.size === 0) pending.delete(room);
  };
  /** Subscribes a socket that has reached WebSocket to each native room it is in. */
  const promote = (id: string): boolean => {
    const ws = topicsOf(id);
    if (!ws) return false;
    for (const room of adapter.sids.get(id) ?? []) {
      if (!isNative(room)) continue;
      ws.subscribe(topic(room));
      stopWaiting(room, id);
    }
    return true;
  };

  const { addAll, del, delAll } = adapter;
  adapter.addAll = function (id, rooms) {
    const done = addAll.call(this, id, rooms);
    for (const room of rooms) {
      if (!isNative(room)) continue;
      const ws = topicsOf(id);
      if (ws) ws.subscribe(topic(room));
      else wait(room, id);
    }
    return done;
  };
  adapter.del = function (id, room) {
    if (isNative(room)) {
      topicsOf(id)?.unsubscribe(topic(room));
      stopWaiting(room, id);
    }
    return del.call(this, id, room);
  };
  adapter.delAll = function (id) {
    const ws = topicsOf(id);
    for (const room of adapter.sids.get(id) ?? []) {
      if (!isNative(room)) continue;
      ws?.unsubscribe(topic(room));
      stopWaiting(room, id);
    }
    return delAll.call(this, id);
  };

  natives.set(adapter, (packet, opts) => {
    const room = opts.rooms.size === 1 ? opts.rooms.values().next().value : undefined;
    const publisher = server();
    if (room === undefined || !isNative(room) || opts.except?.size || !publisher) return false;
    packet.nsp = nsp.name;
    const encoded = encoder.encode(packet);
    if (encoded.length !== 1 || typeof encoded[0] !== "string") return false;
    // "4" is the Engine.IO message packet type, as the engine would have prefixed it.
    publisher.publish(topic(room), `4${encoded[0]}`);
    const waiting = pending.get(room);
    if (!waiting) return true;
    const packetOpts = { preEncoded: true, volatile: opts.flags?.volatile, compress: opts.flags?.compress };
    for (const id of [...waiting]) {
      const socket = nsp.sockets.get(id);
      if (!socket) continue; // not connected yet: Socket.IO's own loop would skip it too
      // Subscribed from the next broadcast on; this one was published before, so it goes the classic way.
      promote(id);
      (socket.client as unknown as InternalClient).writeToEngine(encoded, packetOpts);
    }
    return true;
  });
  wrapBroadcast(adapter);
}

/** Wraps the base class's broadcast (the one every adapter's local delivery ends in) once. */
function wrapBroadcast(adapter: Adapter): void {
  let base: object = Object.getPrototypeOf(adapter) as object;
  for (let up = Object.getPrototypeOf(base) as object | null; up && Object.hasOwn(up, "broadcast"); up = Object.getPrototypeOf(up) as object | null) base = up;
  if (patched.has(base)) return;
  patched.add(base);
  const proto = base as Adapter;
  const original = proto.broadcast;
  proto.broadcast = function (packet: Packet, opts: BroadcastOptions) {
    if (natives.get(this)?.(packet, opts)) return;
    original.call(this, packet, opts);
  };
}
