import type { Tx } from "@/server/db/client";
import { outboxPayloadSchemas, type OutboxPayload, type OutboxScope, type OutboxTopic } from "@/realtime/outbox-topics";

/**
 * Records an event in the same transaction as the change it describes. Call it with the
 * transaction client, never the global one: the row must commit or roll back with the change.
 */
export async function writeOutbox<T extends OutboxTopic>(tx: Tx, topic: T, payload: OutboxPayload<T>, scope: OutboxScope): Promise<number> {
  const valid = outboxPayloadSchemas[topic].parse(payload);
  const row = await tx.outboxEvent.create({
    data: {
      topic,
      payload: JSON.stringify(valid),
      userId: scope.userId ?? null,
      orderId: scope.orderId ?? null,
      productId: scope.productId ?? null,
      admin: scope.admin ?? false,
      everyone: scope.everyone ?? false,
    },
    select: { id: true },
  });
  return row.id;
}
