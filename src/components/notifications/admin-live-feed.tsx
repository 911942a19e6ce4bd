"use client";

import { useEffect, useState } from "react";
import { BoxIcon } from "@/components/layout/icons";
import { AlertIcon } from "@/components/notifications/notification-icons";
import { LocalTime } from "@/components/orders/local-time";
import { OrderStatusBadge } from "@/components/orders/order-status";
import { formatMoney } from "@/lib/money";
import type { OrderStatus } from "@/generated/prisma/enums";
import { useNotificationEvent, useNotificationsSocket } from "@/realtime/use-notifications";

const KEEP = 40;

type Entry =
  | { key: string; at: string; type: "order"; title: string; status: OrderStatus; detail: string }
  | { key: string; at: string; type: "stock"; title: string; detail: string; low: boolean }
  | { key: string; at: string; type: "alert"; title: string; detail: string; severity: "info" | "warning" | "critical" };

const alertLook = {
  info: "border-sky-200 bg-sky-50 text-sky-900",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
  critical: "border-red-200 bg-red-50 text-red-900",
};

/** The admin console's live column: orders, stock changes and alerts as they happen. */
export function AdminLiveFeed() {
  const { socket, status } = useNotificationsSocket();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [online, setOnline] = useState<number | null>(null);
  const add = (entry: Entry) => setEntries((all) => [entry, ...all.filter((e) => e.key !== entry.key)].slice(0, KEEP));

  useNotificationEvent("admin:order:created", (p) =>
    add({
      key: `o${p.eventId}`,
      at: p.timestamp,
      type: "order",
      status: p.status,
      title: `New order #${p.number}`,
      detail: `${p.itemCount} item${p.itemCount === 1 ? "" : "s"} · ${formatMoney(p.totalCents)}`,
    }),
  );
  useNotificationEvent("admin:order:updated", (p) =>
    // A cancellation comes as order.updated and order.cancelled: one entry for the one change.
    add({
      key: `o${p.orderId}-${p.previousStatus}-${p.status}`,
      at: p.timestamp,
      type: "order",
      status: p.status,
      title: `Order #${p.number}`,
      detail: `${p.previousStatus.toLowerCase()} → ${p.status.toLowerCase()}`,
    }),
  );
  useNotificationEvent("admin:inventory:updated", (p) =>
    add({
      key: `s${p.eventId}`,
      at: p.timestamp,
      type: "stock",
      title: p.productName,
      detail: `Stock ${p.previousStock} → ${p.stock}`,
      low: p.stock <= p.lowStockThreshold,
    }),
  );
  useNotificationEvent("admin:alert", (p) =>
    add({ key: `a${p.eventId}-${p.kind}`, at: p.timestamp, type: "alert", title: p.message, detail: p.kind, severity: p.severity }),
  );

  // Who is online: asked once per connection, then kept by the presence events.
  useEffect(() => {
    if (status !== "connected") return;
    socket.emit("request:stats", {}, (ack) => setOnline(ack.ok ? ack.data.uniqueUsers : null));
  }, [socket, status]);
  useNotificationEvent("user:online", () => setOnline((n) => (n === null ? n : n + 1)));
  useNotificationEvent("user:offline", () => setOnline((n) => (n === null ? n : Math.max(0, n - 1))));

  return (
    <section aria-labelledby="live-feed-heading" className="card flex flex-col" data-testid="admin-live-feed">
      <header className="flex items-center justify-between gap-3 border-b border-sand-100 px-4 py-3">
        <h2 id="live-feed-heading" className="text-lg font-bold">
          Live activity
        </h2>
        <span className="flex items-center gap-2 text-xs text-cocoa-700">
          <span aria-hidden="true" className={`size-2 rounded-full ${status === "connected" ? "bg-emerald-500" : "animate-pulse bg-amber-400"}`} />
          {status === "connected" ? (online === null ? "Live" : `Live · ${online} online`) : "Reconnecting…"}
        </span>
      </header>
      {entries.length === 0 ? (
        <p className="px-4 py-10 text-center text-sm text-cocoa-600">Waiting for activity. New orders, stock changes and alerts appear here as they happen.</p>
      ) : null}
      <ol aria-live="polite" aria-label="Live activity, newest first" className="max-h-[32rem] divide-y divide-sand-100 overflow-y-auto">
        {entries.map((e) => (
          <li key={e.key} data-testid="live-feed-entry" data-type={e.type} className="flex gap-3 px-4 py-3">
            {e.type === "alert" ? (
              <span className={`flex size-8 shrink-0 items-center justify-center rounded-full border ${alertLook[e.severity]}`} aria-hidden="true">
                <AlertIcon className="size-4" />
              </span>
            ) : (
              <span
                className={`flex size-8 shrink-0 items-center justify-center rounded-full ${e.type === "stock" && e.low ? "bg-amber-100 text-amber-900" : "bg-sand-100 text-cocoa-700"}`}
                aria-hidden="true"
              >
                <BoxIcon className="size-4" />
              </span>
            )}
            <div className="min-w-0 flex-1">
              <p className="text-sm font-semibold break-words text-cocoa-900">
                {e.type === "alert" ? <span className="sr-only">Alert ({e.severity}): </span> : null}
                {e.title}
              </p>
              <p className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-cocoa-700">
                {e.type === "order" ? <OrderStatusBadge status={e.status} /> : null}
                {e.type === "stock" && e.low ? <span className="font-semibold text-amber-800">Low</span> : null}
                <span>{e.detail}</span>
                <span aria-hidden="true">·</span>
                <LocalTime iso={e.at} withDate={false} />
              </p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
