"use client";

import Image from "next/image";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ApiError, requestJson } from "@/components/cart/request-json";
import { LocalTime } from "@/components/orders/local-time";
import { mergeLiveStatus } from "@/components/orders/merge-live-status";
import { OrderStatusBadge, STATUS_LABEL } from "@/components/orders/order-status";
import { OrderTimeline } from "@/components/orders/order-timeline";
import { OrderTotals } from "@/components/orders/order-totals";
import { ShippingAddressBlock } from "@/components/orders/shipping-address";
import { formatMoney } from "@/lib/money";
import { useOrderLive } from "@/realtime/use-order-live";
import type { OrderView } from "@/server/orders/order-view";

const SHOPPER_CANCELLABLE = new Set(["PENDING", "PAID"]);

/** The shopper's order: items, totals, address, and a timeline that follows status changes live. */
export function OrderDetail({ order: rendered, justPlaced = false }: { order: OrderView; justPlaced?: boolean }) {
  const router = useRouter();
  const [order, setOrder] = useState(rendered);
  const [renderedSeen, setRenderedSeen] = useState(rendered);
  // A server refresh brings a newer rendering: it replaces the local copy.
  if (rendered !== renderedSeen) {
    setRenderedSeen(rendered);
    setOrder(rendered);
  }
  const live = useOrderLive(order.id);
  const { status, events } = mergeLiveStatus(order, live);
  const [confirming, setConfirming] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // A live change is shown at once; the refresh then fetches the notes and times from the server.
  useEffect(() => {
    if (live.length > 0) router.refresh();
  }, [live.length, router]);

  const cancel = async () => {
    setCancelling(true);
    setError(null);
    try {
      setOrder(await requestJson<OrderView>(`/api/orders/${encodeURIComponent(order.id)}/cancel`, { method: "POST" }));
      setConfirming(false);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Could not cancel the order");
    } finally {
      setCancelling(false);
    }
  };

  return (
    <div className="flex flex-col gap-6">
      {justPlaced && status !== "CANCELLED" ? (
        <p role="status" className="rounded-2xl border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          <span className="font-semibold">Thank you!</span> Your order is placed. We will keep this page up to date as it moves.
        </p>
      ) : null}

      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold sm:text-3xl">Order #{order.number}</h1>
          <p className="mt-1 text-sm text-cocoa-600">
            Placed <LocalTime iso={order.createdAt} />
          </p>
        </div>
        <div className="flex items-center gap-2" aria-live="polite" aria-atomic="true">
          <span className="sr-only">Status:</span>
          <OrderStatusBadge status={status} className="px-3 py-1 text-sm" />
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem] lg:items-start">
        <div className="flex flex-col gap-6">
          <OrderTimeline status={status} events={events} />
          <section aria-labelledby="items-heading" className="card">
            <h2 id="items-heading" className="px-5 pt-5 text-lg font-bold sm:px-6">
              Items
            </h2>
            <ul className="mt-2 divide-y divide-sand-200">
              {order.items.map((item) => (
                <li key={item.id} className="flex items-center gap-3 px-5 py-3 sm:px-6">
                  <div className="relative size-14 shrink-0 overflow-hidden rounded-lg bg-sand-100">
                    <Image src={item.imageUrl} alt="" fill unoptimized sizes="56px" className="object-cover" />
                  </div>
                  <div className="min-w-0 flex-1">
                    <Link href={`/products/${item.slug}`} className="font-medium text-cocoa-900 hover:text-ember-700">
                      {item.name}
                    </Link>
                    <p className="text-sm text-cocoa-600">
                      {item.quantity} × {formatMoney(item.unitPriceCents)}
                      {item.offerClaimId ? (
                        <span className="ml-2 rounded-full bg-ember-100 px-2 py-0.5 text-xs font-semibold text-ember-800">Flash offer</span>
                      ) : null}
                    </p>
                  </div>
                  <p className="font-semibold tabular-nums">{formatMoney(item.lineTotalCents)}</p>
                </li>
              ))}
            </ul>
          </section>
        </div>

        <aside className="flex flex-col gap-6 lg:sticky lg:top-24">
          <section aria-labelledby="totals-heading" className="card p-5 sm:p-6">
            <h2 id="totals-heading" className="text-lg font-bold">
              Payment
            </h2>
            <OrderTotals order={order} />
          </section>
          <section aria-labelledby="address-heading" className="card p-5 sm:p-6">
            <h2 id="address-heading" className="text-lg font-bold">
              Shipping to
            </h2>
            <ShippingAddressBlock address={order.shippingAddress} />
          </section>
          {SHOPPER_CANCELLABLE.has(status) ? (
            <section aria-label="Cancel order" className="card p-5 sm:p-6">
              {confirming ? (
                <div className="flex flex-col gap-3">
                  <p className="text-sm font-medium">Cancel order #{order.number}? Its items go back into stock.</p>
                  <div className="flex flex-wrap gap-2">
                    <button type="button" onClick={cancel} disabled={cancelling} className="btn bg-red-700 text-white hover:bg-red-800">
                      {cancelling ? "Cancelling…" : "Yes, cancel it"}
                    </button>
                    <button type="button" onClick={() => setConfirming(false)} disabled={cancelling} className="btn-secondary">
                      Keep my order
                    </button>
                  </div>
                </div>
              ) : (
                <div className="flex flex-col gap-2">
                  <p className="text-sm text-cocoa-700">Changed your mind? You can cancel while the order is {STATUS_LABEL[status].toLowerCase()}.</p>
                  <button type="button" onClick={() => setConfirming(true)} className="btn-secondary self-start">
                    Cancel order
                  </button>
                </div>
              )}
              {error ? (
                <p role="alert" className="mt-3 text-sm text-red-700">
                  {error}
                </p>
              ) : null}
            </section>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
