"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { useDropdown } from "@/components/layout/use-dropdown";
import { markAllRead, markRead, refreshCentre, useNotificationCentre } from "@/components/notifications/centre-store";
import { NotificationEntryRow } from "@/components/notifications/notification-entry-row";
import { BellIcon } from "@/components/notifications/notification-icons";
import { NotificationToasts } from "@/components/notifications/notification-toasts";

const SHOWN = 8;

/** The header's notification centre: unread badge, the newest notifications, toasts for new ones. */
export function NotificationBell() {
  const centre = useNotificationCentre();
  const { open, toggle, root } = useDropdown();
  const [failed, setFailed] = useState(false);
  const panelId = useId();

  const act = (action: Promise<void>) => {
    setFailed(false);
    action.catch(() => {
      setFailed(true);
      void refreshCentre();
    });
  };

  const count = centre.unreadCount;
  const label = count ? `Notifications, ${count} unread` : "Notifications";
  const items = centre.items.slice(0, SHOWN);
  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        data-testid="notification-bell"
        onClick={toggle}
        className="relative flex size-10 items-center justify-center rounded-full text-cocoa-800 hover:bg-sand-100"
      >
        <BellIcon className="size-6" />
        {count ? (
          <span
            aria-hidden="true"
            data-testid="notification-count"
            className="absolute -top-0.5 -right-0.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-ember-600 px-1 text-[11px] leading-none font-bold text-white"
          >
            {count > 99 ? "99+" : count}
          </span>
        ) : null}
      </button>

      <section
        id={panelId}
        hidden={!open}
        aria-label="Notifications"
        data-testid="notification-panel"
        className="fixed inset-x-3 top-16 z-50 overflow-hidden rounded-2xl border border-sand-200 bg-white shadow-lg sm:absolute sm:inset-x-auto sm:top-auto sm:right-0 sm:mt-2 sm:w-96"
      >
        <header className="flex items-center justify-between gap-3 border-b border-sand-100 px-4 py-3">
          <h2 className="text-base font-bold">Notifications</h2>
          <button
            type="button"
            disabled={count === 0}
            onClick={() => act(markAllRead())}
            className="rounded-full px-3 py-1 text-sm font-semibold text-ember-700 hover:bg-ember-50 disabled:cursor-default disabled:text-cocoa-500 disabled:hover:bg-transparent"
          >
            Mark all read
          </button>
        </header>
        {failed ? (
          <p role="alert" className="border-b border-red-100 bg-red-50 px-4 py-2 text-sm text-red-800">
            That did not work. Please try again.
          </p>
        ) : null}
        <div className="max-h-[min(26rem,60vh)] overflow-y-auto">
          {centre.status === "loading" ? (
            <p className="px-4 py-8 text-center text-sm text-cocoa-600">Loading…</p>
          ) : centre.status === "error" ? (
            <div className="flex flex-col items-center gap-2 px-4 py-8 text-center text-sm text-cocoa-700">
              <p>We could not load your notifications.</p>
              <button type="button" onClick={() => void refreshCentre()} className="btn-secondary px-4 py-1.5">
                Try again
              </button>
            </div>
          ) : items.length === 0 ? (
            <p className="px-4 py-8 text-center text-sm text-cocoa-600">Nothing yet. Order updates and messages for you will appear here.</p>
          ) : (
            <ul className="divide-y divide-sand-100">
              {items.map((item) => (
                <NotificationEntryRow key={item.id} item={item} onRead={(id) => act(markRead(id))} />
              ))}
            </ul>
          )}
        </div>
        <footer className="border-t border-sand-100 px-4 py-2.5 text-center">
          <Link href="/notifications" className="text-sm font-semibold text-ember-700 hover:text-ember-800">
            See all notifications
          </Link>
        </footer>
      </section>
      <NotificationToasts paused={open} />
    </div>
  );
}
