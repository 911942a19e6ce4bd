import type { Tx } from "@/server/db/client";
import { writeOutbox } from "@/server/outbox/write-outbox";
import type { MessageRow } from "@/server/support/views";

/**
 * A shopper who left a message while we were away hears about the first answer in their
 * notification centre too (written with the message, delivered by the notifications service),
 * not only when they next open the chat.
 */
export async function notifyFirstOfflineReply(tx: Tx, session: { id: string; shopperId: string; offline: boolean }, reply: MessageRow): Promise<boolean> {
  if (!session.offline) return false;
  const earlier = await tx.supportMessage.count({ where: { sessionId: session.id, kind: "MESSAGE", senderRole: "AGENT", seq: { lt: reply.seq } } });
  if (earlier) return false;
  await writeOutbox(
    tx,
    "notification",
    { userId: session.shopperId, kind: "support.reply", title: "Support answered your message", body: reply.body.slice(0, 200), link: null },
    { userId: session.shopperId },
  );
  return true;
}
