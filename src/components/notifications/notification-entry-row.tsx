"use client";

import Link from "next/link";
import { LocalTime } from "@/components/orders/local-time";
import { KindIcon } from "@/components/notifications/notification-icons";
import type { NotificationItem } from "@/server/notifications/centre";

interface Props {
  item: NotificationItem;
  onRead(id: string): void;
}

/** One notification: opening it (or its "Mark read" button) marks it read. */
export function NotificationEntryRow({ item, onRead }: Props) {
  const text = (
    <>
      <span className="block text-sm font-semibold text-cocoa-900">{item.title}</span>
      {item.body ? <span className="mt-0.5 block text-sm text-cocoa-700">{item.body}</span> : null}
      <span className="mt-1 block text-xs text-cocoa-600">
        <LocalTime iso={item.createdAt} />
      </span>
    </>
  );
  return (
    <li data-testid="notification-item" data-read={item.read} className={`flex gap-3 px-4 py-3 ${item.read ? "" : "bg-ember-50/60"}`}>
      <span
        aria-hidden="true"
        className={`mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full ${item.read ? "bg-sand-100 text-cocoa-600" : "bg-ember-100 text-ember-800"}`}
      >
        <KindIcon kind={item.kind} className="size-4" />
      </span>
      <div className="min-w-0 flex-1">
        {item.read ? null : <span className="sr-only">Unread: </span>}
        {item.link ? (
          <Link href={item.link} onClick={() => onRead(item.id)} className="block rounded-md hover:underline focus-visible:underline">
            {text}
          </Link>
        ) : (
          text
        )}
      </div>
      {item.read ? null : (
        <button
          type="button"
          onClick={() => onRead(item.id)}
          aria-label={`Mark “${item.title}” as read`}
          className="h-fit shrink-0 rounded-full px-2 py-1 text-xs font-semibold text-ember-700 hover:bg-ember-100"
        >
          Mark read
        </button>
      )}
    </li>
  );
}
