"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { CloseIcon, KindIcon } from "@/components/notifications/notification-icons";
import { centreEntryFor, type CentreEntry } from "@/realtime/notification-entry";
import { useNotificationEvent, useNotificationsSocket, type EventMeta } from "@/realtime/use-notifications";

const SHOW_MS = 6000;
const MAX_TOASTS = 3;

interface Toast extends CentreEntry {
  key: string;
}

/**
 * Brief cards for what happens while the shopper is here. Events replayed after a reconnect
 * update the centre but are not toasted: they are not news any more.
 */
export function NotificationToasts() {
  const { userId } = useNotificationsSocket();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = (key: string) => setToasts((all) => all.filter((t) => t.key !== key));
  const show = (key: string, entry: CentreEntry | null, meta: EventMeta) => {
    if (!entry || meta.replayed || entry.userId !== userId()) return;
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

  return (
    <section aria-label="New notifications" aria-live="polite" className="pointer-events-none fixed top-20 right-3 z-50 flex w-[min(22rem,calc(100vw-1.5rem))] flex-col gap-2">
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
          <button type="button" onClick={() => dismiss(t.key)} aria-label={`Dismiss “${t.title}”`} className="h-fit shrink-0 rounded-full p-1 text-cocoa-600 hover:bg-sand-100">
            <CloseIcon className="size-4" />
          </button>
        </div>
      ))}
    </section>
  );
}
