import { rooms } from "@/realtime/notifications";
import type { Identity } from "@/server/auth/tokens";
import type { AnySocket } from "@/server/service/define-handler";
import type { ReplayScope } from "./relay/outbox-reader";

/**
 * One socket's delivery scope. While it replays, the socket is in none of its rooms (so the relay
 * does not reach it) and `rooms` is what it will join when it goes live.
 */
export class Session {
  readonly rooms = new Set<string>();
  live = false;
  replaying = false;

  constructor(
    readonly socket: AnySocket,
    readonly identity: Identity,
  ) {
    this.rooms.add(rooms.user(identity.sub));
    this.rooms.add(rooms.everyone);
    if (identity.role === "ADMIN") this.rooms.add(rooms.admin);
  }

  get scope(): ReplayScope {
    const orderIds = [...this.rooms].filter((r) => r.startsWith("order:")).map((r) => r.slice("order:".length));
    return { userId: this.identity.sub, admin: this.identity.role === "ADMIN", orderIds };
  }

  add(room: string): void {
    this.rooms.add(room);
    if (this.live) void this.socket.join(room);
  }

  remove(room: string): void {
    this.rooms.delete(room);
    void this.socket.leave(room);
  }

  /** Synchronous, so no relay emit can fall between the last replayed event and the first live one. */
  goLive(): void {
    void this.socket.join([...this.rooms]);
    this.live = true;
  }

  pause(): void {
    this.live = false;
    for (const room of this.rooms) void this.socket.leave(room);
  }
}

const sessions = new WeakMap<AnySocket, Session>();

export function openSession(socket: AnySocket, identity: Identity): Session {
  const session = new Session(socket, identity);
  sessions.set(socket, session);
  return session;
}

export function sessionOf(socket: AnySocket): Session {
  const session = sessions.get(socket);
  if (!session) throw new Error("socket has no session");
  return session;
}
