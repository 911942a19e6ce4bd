"use client";

import { useEffect, useEffectEvent } from "react";
import type { Socket } from "socket.io-client";
import type { NotificationsClientToServer, NotificationsServerToClient } from "@/realtime/notifications";
import { useServiceSocket, type ConnectionStatus } from "@/realtime/use-service-socket";

export type NotificationsSocket = Socket<NotificationsServerToClient, NotificationsClientToServer>;
export type NotificationsEvent = keyof NotificationsServerToClient;
export type NotificationsPayload<E extends NotificationsEvent> = Parameters<NotificationsServerToClient[E]>[0];
/** `replayed`: heard while catching up after a (re)connect, not as it happened. */
export interface EventMeta {
  replayed: boolean;
}
type Listener = (payload: unknown, meta: EventMeta) => void;

const STORAGE_KEY = "calor:notifications:last-event";
// A page renders the current state from the server: an older resume point would only replay history.
const STORED_POINT_TTL_MS = 60 * 60 * 1000;
const SEEN_LIMIT = 2000;

interface Hub {
  lastEventId: number;
  userId: string | null;
  replaying: boolean;
  seen: Set<string>;
  listeners: Map<string, Set<Listener>>;
}

const hubs = new WeakMap<NotificationsSocket, Hub>();

function storedPoint(): number {
  try {
    const { id, at } = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null") as { id: number; at: number };
    return Number.isSafeInteger(id) && Date.now() - at < STORED_POINT_TTL_MS ? id : 0;
  } catch {
    return 0;
  }
}

let storeTimer: ReturnType<typeof setTimeout> | undefined;
function remember(hub: Hub): void {
  storeTimer ??= setTimeout(() => {
    storeTimer = undefined;
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ id: hub.lastEventId, at: Date.now() }));
    } catch {
      // Private mode or a full quota: the in-memory resume point still covers reconnects.
    }
  }, 500);
}

function advance(hub: Hub, id: number): void {
  if (id <= hub.lastEventId) return;
  hub.lastEventId = id;
  remember(hub);
}

/**
 * One per tab, on the shared notifications socket: it puts the tab's resume point into every
 * handshake, drops an event it already has (same name and eventId), and fans events out to the
 * components that listen.
 */
function hubFor(socket: NotificationsSocket): Hub {
  const existing = hubs.get(socket);
  if (existing) return existing;
  const hub: Hub = { lastEventId: storedPoint(), userId: null, replaying: false, seen: new Set(), listeners: new Map() };
  hubs.set(socket, hub);

  const base = socket.auth;
  // Called on the first connect and on every reconnect: the service replays what this tab missed,
  // whichever instance it reaches and even if the service restarted meanwhile.
  socket.auth = (cb: (data: object) => void) => {
    const withResume = (data: object) => cb(hub.lastEventId > 0 ? { ...data, lastEventId: hub.lastEventId } : data);
    if (typeof base === "function") base(withResume);
    else withResume(base ?? {});
  };
  socket.on("connect", () => (hub.replaying = hub.lastEventId > 0));
  socket.onAny((event: string, payload: unknown) => {
    const eventId = (payload as { eventId?: unknown } | null)?.eventId;
    if (typeof eventId === "number") {
      const key = `${event}:${eventId}`;
      if (hub.seen.has(key)) return;
      hub.seen.add(key);
      if (hub.seen.size > SEEN_LIMIT) hub.seen.delete(hub.seen.values().next().value!);
      advance(hub, eventId);
    }
    if (event === "connection:success") {
      const hello = payload as NotificationsPayload<"connection:success">;
      hub.userId = hello.userId;
      hub.replaying = false;
      advance(hub, hello.lastEventId);
    }
    const meta = { replayed: hub.replaying };
    hub.listeners.get(event)?.forEach((listener) => listener(payload, meta));
  });
  // Opened by another component before this hub existed: catch up by event instead.
  if (socket.connected && hub.lastEventId > 0) socket.emit("resume", { lastEventId: hub.lastEventId }, () => undefined);
  return hub;
}

/** The tab's notifications socket, with resume and dedup in place. */
export function useNotificationsSocket(): { socket: NotificationsSocket; status: ConnectionStatus; userId: () => string | null } {
  const { socket, status } = useServiceSocket<NotificationsServerToClient, NotificationsClientToServer>("notifications");
  const hub = hubFor(socket);
  return { socket, status, userId: () => hub.userId };
}

/** Calls `handler` for each `event` this tab receives (once per eventId), while mounted. */
export function useNotificationEvent<E extends NotificationsEvent>(event: E, handler: (payload: NotificationsPayload<E>, meta: EventMeta) => void): void {
  const { socket } = useNotificationsSocket();
  const onEvent = useEffectEvent((payload: unknown, meta: EventMeta) => handler(payload as NotificationsPayload<E>, meta));
  useEffect(() => {
    const { listeners } = hubFor(socket);
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    const listener: Listener = (payload, meta) => onEvent(payload, meta);
    set.add(listener);
    return () => void set.delete(listener);
  }, [socket, event]);
}
