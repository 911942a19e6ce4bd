import type { OutboxEvent } from "@/generated/prisma/client";
import { db } from "@/server/db/client";

export type OutboxRow = OutboxEvent;

/** What one socket may receive: its user, admin rows for admins, its orders, everything public. */
export interface ReplayScope {
  userId: string;
  admin: boolean;
  orderIds: string[];
}

export async function lastOutboxId(): Promise<number> {
  const { _max } = await db().outboxEvent.aggregate({ _max: { id: true } });
  return _max.id ?? 0;
}

export function rowsAfter(afterId: number, take: number): Promise<OutboxRow[]> {
  return db().outboxEvent.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take });
}

/** Rows in (afterId, upToId] that may concern this scope; deliveries decide exactly. */
export function scopedRows(scope: ReplayScope, afterId: number, upToId: number, take: number): Promise<OutboxRow[]> {
  return db().outboxEvent.findMany({
    where: {
      id: { gt: afterId, lte: upToId },
      OR: [
        { userId: scope.userId },
        { everyone: true },
        { productId: { not: null } },
        ...(scope.admin ? [{ admin: true }] : []),
        ...(scope.orderIds.length ? [{ orderId: { in: scope.orderIds } }] : []),
      ],
    },
    orderBy: { id: "asc" },
    take,
  });
}
