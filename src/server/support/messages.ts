import type { MessageKind } from "@/generated/prisma/enums";
import { SUPPORT_LIMITS, type MessageView, type Side } from "@/realtime/support-chat";
import { db, type Tx } from "@/server/db/client";
import { AppError, isUniqueViolation } from "@/server/errors";
import { messageSelect, toMessageView, type MessageRow } from "@/server/support/views";

export interface NewMessage {
  sessionId: string;
  kind: MessageKind;
  senderId: string | null;
  senderRole: "SHOPPER" | "AGENT" | "SYSTEM";
  body: string;
  clientMessageId?: string | null;
}

/**
 * Takes the session's next seq and writes the message, inside the caller's transaction. The
 * increment is the first write: it locks the session row until commit, so concurrent senders
 * queue behind it and every seq is used exactly once; a rollback gives the number back, so the
 * sequence has no gaps. The unique (sessionId, seq) index is the backstop.
 */
export async function insertMessage(tx: Tx, m: NewMessage): Promise<MessageRow> {
  const fromPerson = m.kind !== "SYSTEM";
  const session = await tx.supportSession
    .update({
      where: { id: m.sessionId, ...(fromPerson ? { status: { not: "ENDED" } } : {}) },
      data: { lastSeq: { increment: 1 } },
      select: { lastSeq: true },
    })
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === "P2025") throw new AppError("UNPROCESSABLE", "This conversation has ended; start a new one");
      throw error;
    });
  if (fromPerson && session.lastSeq > SUPPORT_LIMITS.messagesPerSession) {
    throw new AppError("UNPROCESSABLE", "This conversation is too long to continue; please start a new one");
  }
  return tx.supportMessage.create({
    data: {
      sessionId: m.sessionId,
      seq: session.lastSeq,
      kind: m.kind,
      senderId: m.senderId,
      senderRole: m.senderRole,
      body: m.body,
      clientMessageId: m.clientMessageId ?? null,
    },
    select: messageSelect,
  });
}

const findByClientId = (sessionId: string, clientMessageId: string) =>
  db().supportMessage.findUnique({ where: { sessionId_clientMessageId: { sessionId, clientMessageId } }, select: messageSelect });

/** The message a client already sent with this id, if it was stored. */
export async function storedMessage(sessionId: string, clientMessageId: string): Promise<MessageView | null> {
  const row = await findByClientId(sessionId, clientMessageId);
  return row && toMessageView(row);
}

/**
 * A message or note from a person. A retry with the same clientMessageId returns the message
 * already stored (created: false) and never writes a second one, however the two race.
 */
export async function postMessage(
  m: NewMessage & { clientMessageId: string },
  /** More writes that must commit with the message (an outbox row). */
  alsoInTx?: (tx: Tx, row: MessageRow) => Promise<void>,
): Promise<{ message: MessageView; created: boolean }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const row = await withWriteRetry(() =>
        db().$transaction(async (tx) => {
          const row = await insertMessage(tx, m);
          await alsoInTx?.(tx, row);
          return row;
        }),
      );
      return { message: toMessageView(row), created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Either the same send raced itself (the first one won: return it) or, should the row
      // lock ever not hold, another message took this seq (take the next one).
      const raced = await findByClientId(m.sessionId, m.clientMessageId);
      if (raced) return { message: toMessageView(raced), created: false };
      if (attempt >= 3) throw error;
    }
  }
}

/** A system line ("Ana joined the chat") written in its own transaction. */
export async function postSystemMessage(sessionId: string, body: string): Promise<MessageView> {
  const row = await withWriteRetry(() =>
    db().$transaction((tx) => insertMessage(tx, { sessionId, kind: "SYSTEM", senderId: null, senderRole: "SYSTEM", body })),
  );
  return toMessageView(row);
}

/** What one side may see after `lastSeq`, in order: internal notes never reach the shopper. */
export async function messagesAfter(sessionId: string, lastSeq: number, side: Side): Promise<MessageView[]> {
  const rows = await db().supportMessage.findMany({
    where: { sessionId, seq: { gt: lastSeq }, ...(side === "shopper" ? { kind: { in: ["MESSAGE", "SYSTEM"] } } : {}) },
    orderBy: { seq: "asc" },
    select: messageSelect,
  });
  return rows.map(toMessageView);
}

/** SQLite shared by several processes can report a busy database or a write conflict: try again. */
export async function withWriteRetry<T>(write: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const text = String((error as { code?: string }).code ?? "") + String(error);
      const transient = /P2034|SQLITE_BUSY|database is locked|deadlock|could not serialize/i.test(text);
      if (!transient || attempt >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
    }
  }
}
