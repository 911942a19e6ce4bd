import type { Tx } from "@/server/db/client";
import { centreEntryFor } from "@/realtime/notification-entry";
import { outboxPayloadSchemas, type OutboxPayload, type OutboxScope, type OutboxTopic } from "@/realtime/outbox-topics";

/**
 * Records an event in the same transaction as the change it describes. Call it with the
 * transaction client, never the global one: the row must commit or roll back with the change.
 * Events meant for a shopper's notification centre (their orders, `notification`) add that row too.
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
  const entry = centreEntryFor(topic, valid as OutboxPayload<T>);
  if (entry) await tx.notification.create({ data: { ...entry, outboxId: row.id } });
  return row.id;
}
