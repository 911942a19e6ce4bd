import type { OrderStatus } from "@/generated/prisma/enums";
import type { LiveOrderStatus } from "@/realtime/use-order-live";
import type { OrderEvent } from "@/server/orders/order-view";

/**
 * The timeline the page shows: what the server rendered plus the status changes heard live
 * since. The state machine has no cycles, so a (from, to) pair names one transition: a change
 * the server already knows is not added twice. The current status is the last transition's.
 */
export function mergeLiveStatus(
  server: { status: OrderStatus; events: OrderEvent[] },
  live: readonly LiveOrderStatus[],
): { status: OrderStatus; events: OrderEvent[] } {
  const events = [...server.events];
  for (const change of live) {
    if (events.some((e) => e.to === change.status && e.from === change.previousStatus)) continue;
    events.push({
      id: `live-${change.previousStatus ?? "none"}-${change.status}`,
      from: change.previousStatus,
      to: change.status,
      note: null,
      createdAt: change.at,
    });
  }
  return { status: events.at(-1)?.to ?? server.status, events };
}
