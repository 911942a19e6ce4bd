import type { Tx } from "@/server/db/client";
import { insertRowsReturning } from "@/server/db/insert-rows";
import { centreEntryFor } from "@/realtime/notification-entry";
import { outboxPayloadSchemas, type OutboxPayload, type OutboxScope, type OutboxTopic } from "@/realtime/outbox-topics";

/** One event to record: what happened and who may hear it. */
export interface OutboxWrite<T extends OutboxTopic = OutboxTopic> {
  topic: T;
  payload: OutboxPayload<T>;
  scope: OutboxScope;
}

/**
 * Records an event in the same transaction as the change it describes. Call it with the
 * transaction client, never the global one: the row must commit or roll back with the change.
 * Events meant for a shopper's notification centre (their orders, `notification`) add that row too.
 */
export async function writeOutbox<T extends OutboxTopic>(tx: Tx, topic: T, payload: OutboxPayload<T>, scope: OutboxScope): Promise<number> {
  const [id] = await writeOutboxMany(tx, [{ topic, payload, scope }]);
  return id!;
}

/**
 * Several events in one statement (plus one for their centre rows), in this order: a batch of
 * offer claims announces one stock step per unit. Returns each event's outbox id.
 */
export async function writeOutboxMany(tx: Tx, events: OutboxWrite[]): Promise<number[]> {
  if (events.length === 0) return [];
  const payloads = events.map((e) => outboxPayloadSchemas[e.topic].parse(e.payload) as OutboxPayload<OutboxTopic>);
  const rows = events.map(({ topic, scope }, i) => ({
    topic,
    payload: JSON.stringify(payloads[i]),
    userId: scope.userId ?? null,
    orderId: scope.orderId ?? null,
    productId: scope.productId ?? null,
    admin: scope.admin ?? false,
    everyone: scope.everyone ?? false,
  }));
  // Raw: a batch of offer claims writes hundreds of rows, which Prisma's createManyAndReturn
  // compiled on the event loop for ~50 ms on a two-core machine.
  const createdAt = new Date();
  const created = await insertRowsReturning<RawOutboxRow>(
    tx,
    "OutboxEvent",
    [...COLUMNS, "createdAt"],
    rows.map((row) => [...COLUMNS.map((c) => row[c]), createdAt]),
    ["id", ...COLUMNS],
  );
  // RETURNING promises no order: each event takes the id of a created row with its content
  // (rows that are alike are interchangeable), lowest first so equal rows keep their order.
  const idsByContent = new Map<string, number[]>();
  for (const raw of created.map(fromRaw).sort((a, b) => a.id - b.id)) {
    const { id, ...row } = raw;
    const key = contentKey(row);
    idsByContent.set(key, [...(idsByContent.get(key) ?? []), id]);
  }
  const ids = rows.map((row) => idsByContent.get(contentKey(row))!.shift()!);
  const entries = events.flatMap((e, i) => {
    const entry = centreEntryFor(e.topic, payloads[i]!);
    return entry ? [{ ...entry, outboxId: ids[i]! }] : [];
  });
  if (entries.length) await tx.notification.createMany({ data: entries });
  return ids;
}

type OutboxRow = { topic: string; payload: string; userId: string | null; orderId: string | null; productId: string | null; admin: boolean; everyone: boolean };
const COLUMNS = ["topic", "payload", "userId", "orderId", "productId", "admin", "everyone"] as const satisfies readonly (keyof OutboxRow)[];
type RawOutboxRow = Omit<OutboxRow, "admin" | "everyone"> & { id: number | bigint; admin: boolean | number; everyone: boolean | number };
const fromRaw = (r: RawOutboxRow): OutboxRow & { id: number } => ({ ...r, id: Number(r.id), admin: Boolean(r.admin), everyone: Boolean(r.everyone) });
const contentKey = (r: OutboxRow) => JSON.stringify([r.topic, r.payload, r.userId, r.orderId, r.productId, r.admin, r.everyone]);
