import type { OrderStatus } from "@/generated/prisma/enums";
import { db } from "@/server/db/client";
import { writeAlerts } from "./write-alert";

// Shipped and delivered orders wait on the carrier and the shopper, not on the shop.
const WATCHED: OrderStatus[] = ["PENDING", "PAID", "PROCESSING"];

/**
 * Raises one `order-stuck` alert per order and status stint older than `minutes`. The alert's ref
 * names the stint, so the next check (on any instance, after any restart) does not repeat it.
 */
export async function alertStuckOrders(minutes: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - minutes * 60_000);
  const stuck = await db().order.findMany({
    where: { status: { in: WATCHED }, statusChangedAt: { lt: cutoff } },
    select: { id: true, number: true, status: true, statusChangedAt: true },
    orderBy: { statusChangedAt: "asc" },
    take: 100,
  });
  if (!stuck.length) return 0;
  const raised = await db().outboxEvent.findMany({
    where: { topic: "admin.alert", orderId: { in: stuck.map((o) => o.id) } },
    select: { payload: true },
  });
  const seen = new Set(raised.map((r) => (JSON.parse(r.payload) as { ref: string | null }).ref));
  const fresh = stuck.map((order) => ({ order, ref: `stuck:${order.id}:${order.statusChangedAt.getTime()}` })).filter(({ ref }) => !seen.has(ref));
  await writeAlerts(
    fresh.map(({ order, ref }) => ({
      orderId: order.id,
      alert: {
        kind: "order-stuck",
        severity: "warning",
        message: `Order #${order.number} has been ${order.status.toLowerCase()} for ${Math.floor((now.getTime() - order.statusChangedAt.getTime()) / 60_000)} minutes`,
        ref,
      },
    })),
  );
  return fresh.length;
}
