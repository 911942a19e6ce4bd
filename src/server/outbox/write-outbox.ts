import type { Tx } from "@/server/db/client";
import { centreEntryFor } from "@/realtime/notification-entry";
import { outboxPayloadSchemas, type OutboxPayload, type OutboxScope, type OutboxTopic } from "@/realtime/outbox-topics";

/**
 * Records an event in the same transaction as the change it describes. Call it with the
 * transaction client, never the global one: the row must commit or roll back with the change.
 * Events meant for a shopper's notification centre (their orders, `notification`) add that row too.
 */
export async function writeOutbox<T extends OutboxTopic>(tx: Tx, topic: T, payload: OutboxPayload<T>, scope: OutboxScope): Promise<number> {
  const valid = outboxPayloadSchemas[topic].parse(payload) as OutboxPayload<T>;
  const row = await tx.outboxEvent.create({ data: outboxRow(topic, valid, scope), select: { id: true } });
  const entry = centreEntryFor(topic, valid);
  if (entry) await tx.notification.create({ data: { ...entry, outboxId: row.id } });
  return row.id;
}

/**
 * Several events of one topic and scope, in this order, with one statement (a batch of offer
 * claims announces one stock step per unit). Events that add a centre row need each row's id,
 * so they are written one by one.
 */
export async function writeOutboxMany<T extends OutboxTopic>(tx: Tx, topic: T, payloads: OutboxPayload<T>[], scope: OutboxScope): Promise<void> {
  const valid = payloads.map((p) => outboxPayloadSchemas[topic].parse(p) as OutboxPayload<T>);
  if (valid.some((p) => centreEntryFor(topic, p))) {
    for (const p of valid) await writeOutbox(tx, topic, p, scope);
    return;
  }
  await tx.outboxEvent.createMany({ data: valid.map((p) => outboxRow(topic, p, scope)) });
}

function outboxRow<T extends OutboxTopic>(topic: T, payload: OutboxPayload<T>, scope: OutboxScope) {
  return {
    topic,
    payload: JSON.stringify(payload),
    userId: scope.userId ?? null,
    orderId: scope.orderId ?? null,
    productId: scope.productId ?? null,
    admin: scope.admin ?? false,
    everyone: scope.everyone ?? false,
  };
}
