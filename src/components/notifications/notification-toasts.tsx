"use client";

import Link from "next/link";
import { useEffect, useState, useSyncExternalStore } from "react";
import { createPortal } from "react-dom";
import { CloseIcon, KindIcon } from "@/components/notifications/notification-icons";
import { centreEntryFor, type CentreEntry } from "@/realtime/notification-entry";
import { useNotificationEvent, useNotificationsSocket, type EventMeta } from "@/realtime/use-notifications";

const SHOW_MS = 6000;
const MAX_TOASTS = 3;

const noSubscription = () => () => undefined;

interface Toast extends CentreEntry {
  key: string;
}

/**
 * Brief cards for what happens while the shopper is here. Events replayed after a reconnect
 * update the centre but are not toasted: they are not news any more.
 */
export function NotificationToasts({ paused }: { paused: boolean }) {
  const { userId } = useNotificationsSocket();
  const [toasts, setToasts] = useState<Toast[]>([]);
  // The open centre lists the same news: the cards would only cover it.
  if (paused && toasts.length) setToasts([]);
  const dismiss = (key: string) => setToasts((all) => all.filter((t) => t.key !== key));
  const show = (key: string, entry: CentreEntry | null, meta: EventMeta) => {
    if (paused || !entry || meta.replayed || entry.userId !== userId()) return;
    setToasts((all) => [...all.filter((t) => t.key !== key), { ...entry, key }].slice(-MAX_TOASTS));
  };

  useNotificationEvent("notification", (p, meta) => show(`n${p.eventId}`, centreEntryFor("notification", p), meta));
  useNotificationEvent("order:created", (p, meta) => show(`c${p.eventId}`, centreEntryFor("order.created", p), meta));
  useNotificationEvent("order:updated", (p, meta) => show(`u${p.eventId}`, centreEntryFor("order.updated", p), meta));

  const oldest = toasts[0]?.key;
  useEffect(() => {
    if (!oldest) return;
    const timer = setTimeout(() => dismiss(oldest), SHOW_MS);
    return () => clearTimeout(timer);
  }, [oldest]);

  // Out of the header: its backdrop blur would make it the box that `fixed` is relative to.
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (!inBrowser) return null;
  return createPortal(
    <section
      aria-label="New notifications"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-3 bottom-24 z-50 flex flex-col gap-2 sm:inset-x-auto sm:top-20 sm:right-4 sm:bottom-auto sm:w-88"
    >
      {toasts.map((t) => (
        <div key={t.key} data-testid="notification-toast" className="pointer-events-auto flex gap-3 rounded-2xl border border-sand-200 bg-white p-3 shadow-lg">
          <span aria-hidden="true" className="flex size-8 shrink-0 items-center justify-center rounded-full bg-ember-100 text-ember-800">
            <KindIcon kind={t.kind} className="size-4" />
          </span>
          <div className="min-w-0 flex-1">
            {t.link ? (
              <Link href={t.link} onClick={() => dismiss(t.key)} className="text-sm font-semibold text-cocoa-900 hover:underline">
                {t.title}
              </Link>
            ) : (
              <p className="text-sm font-semibold text-cocoa-900">{t.title}</p>
            )}
            {t.body ? <p className="mt-0.5 text-sm text-cocoa-700">{t.body}</p> : null}
          </div>
          <button
            type="button"
            onClick={() => dismiss(t.key)}
            aria-label={`Dismiss “${t.title}”`}
            className="h-fit shrink-0 rounded-full p-1 text-cocoa-600 hover:bg-sand-100"
          >
            <CloseIcon className="size-4" />
          </button>
        </div>
      ))}
    </section>,
    document.body,
  );
}
