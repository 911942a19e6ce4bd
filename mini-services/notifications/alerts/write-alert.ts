import type { OutboxPayload } from "@/realtime/outbox-topics";
import { db } from "@/server/db/client";
import { writeOutbox } from "@/server/outbox/write-outbox";

/** Admin alerts the service raises itself go through the outbox like any event: durable, replayable. */
export async function writeAlerts(alerts: { alert: OutboxPayload<"admin.alert">; orderId?: string }[]): Promise<void> {
  if (!alerts.length) return;
  await db().$transaction(async (tx) => {
    for (const { alert, orderId } of alerts) await writeOutbox(tx, "admin.alert", alert, { admin: true, orderId: orderId ?? null });
  });
}
