"use client";

import { useState } from "react";
import { requestJson } from "@/components/cart/request-json";
import { markAllRead, markRead, refreshCentre, useNotificationCentre } from "@/components/notifications/centre-store";
import { NotificationEntryRow } from "@/components/notifications/notification-entry-row";
import { NOTIFICATION_PAGE_SIZE } from "@/realtime/notifications";
import { useNotificationEvent } from "@/realtime/use-notifications";
import type { NotificationItem, NotificationPage } from "@/server/notifications/centre";

const newestFirst = (a: NotificationItem, b: NotificationItem) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

/** Later copies (fresher read state) replace earlier ones; nothing once shown disappears. */
function merge(shown: NotificationItem[], fresh: NotificationItem[]): NotificationItem[] {
  const byId = new Map(shown.map((i) => [i.id, i]));
  for (const item of fresh) byId.set(item.id, item);
  return [...byId.values()].sort(newestFirst);
}

/** The /notifications page: the whole history, newest first, live like the bell. */
export function NotificationHistory({ initial }: { initial: NotificationPage }) {
  const centre = useNotificationCentre();
  const [shown, setShown] = useState(initial.items);
  const [mergedFrom, setMergedFrom] = useState(centre.items);
  const [pagesLoaded, setPagesLoaded] = useState(1);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The newest page moves with every event; fold each new version into what is on screen.
  if (centre.items !== mergedFrom) {
    setMergedFrom(centre.items);
    setShown((items) => merge(items, centre.items));
  }
  // Read marks from another device may touch older entries the shared store does not hold.
  useNotificationEvent("notification:message", (m) =>
    setShown((items) => items.map((i) => (m.ids === "all" || m.ids.includes(i.id) ? { ...i, read: true } : i))),
  );

  const ready = centre.status === "ready";
  const total = ready ? centre.total : initial.total;
  const unread = ready ? centre.unreadCount : initial.unreadCount;

  const act = async (action: () => Promise<void>, optimistic: (items: NotificationItem[]) => NotificationItem[]) => {
    setError(null);
    setShown(optimistic);
    try {
      await action();
    } catch {
      setError("That did not work. Please try again.");
      void refreshCentre();
    }
  };
  const readOne = (id: string) =>
    act(
      () => markRead(id),
      (items) => items.map((i) => (i.id === id ? { ...i, read: true } : i)),
    );
  const readAll = () => act(markAllRead, (items) => items.map((i) => ({ ...i, read: true })));

  const loadMore = async () => {
    setLoadingMore(true);
    setError(null);
    try {
      const page = await requestJson<NotificationPage>(`/api/notifications?page=${pagesLoaded + 1}&pageSize=${NOTIFICATION_PAGE_SIZE}`);
      setShown((items) => merge(items, page.items));
      setPagesLoaded((n) => n + 1);
    } catch {
      setError("We could not load more notifications.");
    } finally {
      setLoadingMore(false);
    }
  };

  if (shown.length === 0) {
    return (
      <div className="card mt-6 flex flex-col items-center gap-2 px-6 py-14 text-center">
        <h2 className="text-xl font-bold">No notifications yet</h2>
        <p className="max-w-md text-cocoa-700">When your orders move, or a show you asked about goes live, you will find it here.</p>
      </div>
    );
  }

  return (
    <div className="mt-6 flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-cocoa-700" aria-live="polite" data-testid="history-unread">
          {unread === 0 ? "All caught up." : `${unread} unread`}
        </p>
        <button type="button" onClick={() => void readAll()} disabled={unread === 0} className="btn-secondary px-4 py-2">
          Mark all read
        </button>
      </div>
      {error ? (
        <p role="alert" className="rounded-xl border border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <ul className="card divide-y divide-sand-100 overflow-hidden" aria-label="Notification history">
        {shown.map((item) => (
          <NotificationEntryRow key={item.id} item={item} onRead={(id) => void readOne(id)} />
        ))}
      </ul>
      {shown.length < total ? (
        <button type="button" onClick={() => void loadMore()} disabled={loadingMore} className="btn-secondary self-center">
          {loadingMore ? "Loading…" : "Show older notifications"}
        </button>
      ) : null}
    </div>
  );
}
