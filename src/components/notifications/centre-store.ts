"use client";

import { useEffect, useSyncExternalStore } from "react";
import { requestJson } from "@/components/cart/request-json";
import { NOTIFICATION_PAGE_SIZE } from "@/realtime/notifications";
import { useNotificationEvent, useNotificationsSocket } from "@/realtime/use-notifications";
import type { NotificationItem, NotificationPage } from "@/server/notifications/centre";

export interface CentreState {
  status: "loading" | "ready" | "error";
  /** The newest page; the history page keeps older pages itself. */
  items: NotificationItem[];
  total: number;
  /** Counted by the server, so every tab and device shows the same number. */
  unreadCount: number;
}

const LOADING: CentreState = { status: "loading", items: [], total: 0, unreadCount: 0 };
// One store per tab: the bell and the history page show the same items and count.
let state = LOADING;
const listeners = new Set<() => void>();
const set = (next: Partial<CentreState>) => {
  state = { ...state, ...next };
  listeners.forEach((l) => l());
};

let inflight: Promise<void> | null = null;
let again = false;
/** Re-reads the newest page; calls during a read fold into one more read. */
export function refreshCentre(): Promise<void> {
  if (inflight) {
    again = true;
    return inflight;
  }
  inflight = requestJson<NotificationPage>(`/api/notifications?pageSize=${NOTIFICATION_PAGE_SIZE}`)
    .then(
      (page) => set({ status: "ready", items: page.items, total: page.total, unreadCount: page.unreadCount }),
      () => set({ status: state.status === "ready" ? "ready" : "error" }),
    )
    .finally(() => {
      inflight = null;
      if (again) {
        again = false;
        void refreshCentre();
      }
    });
  return inflight;
}

let refreshTimer: ReturnType<typeof setTimeout> | undefined;
/** A burst of events (a replay after reconnect) costs one read. */
function refreshSoon(): void {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void refreshCentre(), 150);
}

/** Applies read marks locally (this device's click, or another device's through the service). */
export function applyRead(ids: string[] | "all", unreadCount: number): void {
  const read = (item: NotificationItem) => (ids === "all" || ids.includes(item.id) ? { ...item, read: true } : item);
  set({ items: state.items.map(read), unreadCount });
}

export async function markRead(id: string): Promise<void> {
  const item = state.items.find((i) => i.id === id);
  if (item?.read) return;
  applyRead([id], Math.max(0, state.unreadCount - (item ? 1 : 0)));
  const { unreadCount } = await requestJson<{ unreadCount: number }>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: "POST" });
  set({ unreadCount });
}

export async function markAllRead(): Promise<void> {
  applyRead("all", 0);
  const { unreadCount } = await requestJson<{ unreadCount: number }>("/api/notifications/read-all", { method: "POST" });
  set({ unreadCount });
}

/**
 * The notification centre of this browser, kept current: re-read when an event for this user
 * arrives (or the socket reconnects), read marks applied as other devices make them.
 */
export function useNotificationCentre(): CentreState {
  const { userId } = useNotificationsSocket();
  useEffect(() => {
    void refreshCentre();
  }, []);

  const mine = (p: { userId: string }) => p.userId === userId();
  useNotificationEvent("connection:success", refreshSoon);
  useNotificationEvent("notification", refreshSoon);
  useNotificationEvent("order:created", (p) => mine(p) && refreshSoon());
  useNotificationEvent("order:updated", (p) => mine(p) && refreshSoon());
  useNotificationEvent("notification:message", (m) => applyRead(m.ids, m.unreadCount));

  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    () => state,
    // The server renders (and the browser hydrates) the loading state: the store is per tab, never per server.
    () => LOADING,
  );
}
