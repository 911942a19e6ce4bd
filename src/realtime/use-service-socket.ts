"use client";

import { useEffect, useSyncExternalStore } from "react";
import { io, type Socket } from "socket.io-client";
import { serviceUrl, type ServiceName } from "@/realtime/services";

export type ConnectionStatus = "connecting" | "connected" | "offline";

interface Entry {
  socket: Socket;
  status: ConnectionStatus;
  listeners: Set<() => void>;
}

// One socket per service per tab, shared by every component that needs it.
const entries = new Map<ServiceName, Entry>();

async function fetchToken(): Promise<string | undefined> {
  const res = await fetch("/api/realtime/token", { credentials: "same-origin", cache: "no-store" });
  if (!res.ok) return undefined;
  return ((await res.json()) as { token: string }).token;
}

function entryFor(service: ServiceName): Entry {
  const existing = entries.get(service);
  if (existing) return existing;
  const socket = io(serviceUrl(service), {
    path: "/socket.io/",
    // Called again on every reconnect, so an expired token is replaced without a reload.
    auth: (cb) =>
      void fetchToken().then(
        (token) => cb({ token }),
        () => cb({}),
      ),
    reconnectionDelay: 500,
    reconnectionDelayMax: 10_000,
    randomizationFactor: 0.5,
    autoConnect: false,
  });
  const entry: Entry = { socket, status: "connecting", listeners: new Set() };
  const set = (status: ConnectionStatus) => {
    entry.status = status;
    entry.listeners.forEach((l) => l());
  };
  socket.on("connect", () => set("connected"));
  socket.on("disconnect", () => set("offline"));
  socket.on("connect_error", () => set("offline"));
  socket.io.on("reconnect_attempt", () => set("connecting"));
  entries.set(service, entry);
  return entry;
}

/**
 * The shared socket of one service and its connection status, typed by the service's contract:
 * `useServiceSocket<SupportServerToClient, SupportClientToServer>("supportChat")`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function useServiceSocket<S2C extends Record<string, any>, C2S extends Record<string, any>>(
  service: ServiceName,
): { socket: Socket<S2C, C2S>; status: ConnectionStatus } {
  const entry = entryFor(service);
  // Connected on first use and kept for the life of the tab.
  useEffect(() => {
    if (!entry.socket.active) entry.socket.connect();
  }, [entry]);
  const status = useSyncExternalStore(
    (listener) => {
      entry.listeners.add(listener);
      return () => entry.listeners.delete(listener);
    },
    () => entry.status,
    () => "connecting" as const,
  );
  return { socket: entry.socket as unknown as Socket<S2C, C2S>, status };
}
