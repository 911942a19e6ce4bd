"use client";

import { LocalTime } from "@/components/orders/local-time";
import { OrderStatusBadge } from "@/components/orders/order-status";
import type { OrderStatus } from "@/generated/prisma/enums";
import { formatMoney } from "@/lib/money";
import type { ShopperContext } from "@/realtime/support-chat";

/** Who the shopper is, their cart and their recent orders: read live when the chat opens. */
export function ShopperContextPanel({ name, context, onRefresh }: { name: string; context: ShopperContext | null; onRefresh(): void }) {
  return (
    <section aria-labelledby="shopper-context-title" className="card flex min-h-0 flex-col overflow-y-auto" data-testid="shopper-context">
      <h2 id="shopper-context-title" className="flex items-center justify-between border-b border-sand-200 px-4 py-3 text-base font-bold">
        Shopper
        <button type="button" onClick={onRefresh} className="rounded-full px-2 py-1 text-xs font-semibold text-ember-700 hover:bg-ember-50">
          Refresh
        </button>
      </h2>
      {!context ? (
        <p className="p-4 text-sm text-cocoa-600">Loading…</p>
      ) : (
        <div className="flex flex-col gap-4 p-4 text-sm">
          <div>
            <p className="font-semibold">
              {name}
              {context.shopper.name !== name && !context.shopper.isGuest && (
                <span className="font-normal text-cocoa-600"> (account: {context.shopper.name})</span>
              )}
            </p>
            <p className="text-cocoa-700">{context.shopper.email ?? "No email on the account"}</p>
            <p className="text-xs text-cocoa-600">
              {context.shopper.isGuest ? "Guest" : "Account"} since <LocalTime iso={context.shopper.memberSince} withDate /> ·{" "}
              {context.previousSessions === 0 ? "first chat" : `${context.previousSessions} earlier chat${context.previousSessions === 1 ? "" : "s"}`}
            </p>
          </div>
          <div>
            <h3 className="text-xs font-bold tracking-wide text-cocoa-600 uppercase">Cart</h3>
            {context.cart.lines.length === 0 ? (
              <p className="mt-1 text-cocoa-600">Empty</p>
            ) : (
              <ul className="mt-1 flex flex-col gap-1">
                {context.cart.lines.map((l) => (
                  <li key={l.productId} className="flex justify-between gap-2">
                    <span className="min-w-0 truncate">
                      {l.quantity} × {l.name}
                    </span>
                    <span className="shrink-0 tabular-nums">{formatMoney(l.unitPriceCents * l.quantity)}</span>
                  </li>
                ))}
                <li className="flex justify-between border-t border-sand-200 pt-1 font-semibold">
                  <span>Total</span>
                  <span className="tabular-nums">{formatMoney(context.cart.totalCents)}</span>
                </li>
              </ul>
            )}
          </div>
          <div>
            <h3 className="text-xs font-bold tracking-wide text-cocoa-600 uppercase">Recent orders</h3>
            {context.orders.length === 0 ? (
              <p className="mt-1 text-cocoa-600">None yet</p>
            ) : (
              <ul className="mt-1 flex flex-col gap-2">
                {context.orders.map((o) => (
                  <li key={o.id} className="flex items-center justify-between gap-2">
                    <span className="min-w-0">
                      <span className="font-semibold">#{o.number}</span>{" "}
                      <span className="text-xs text-cocoa-600">
                        {o.itemCount} item{o.itemCount === 1 ? "" : "s"} · {formatMoney(o.totalCents)} · <LocalTime iso={o.createdAt} withDate />
                      </span>
                    </span>
                    <OrderStatusBadge status={o.status as OrderStatus} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
