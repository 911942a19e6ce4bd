import type { z } from "zod";
import {
  SUPPORT_LIMITS,
  type MessageView,
  type MessagesRead,
  type rejoinSessionSchema,
  type SessionView,
  type Side,
  type startSessionSchema,
} from "@/realtime/support-chat";
import type { Identity } from "@/server/auth/tokens";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { accessOf, notFound, type Access } from "@/server/support/access";
import { insertMessage, withWriteRetry } from "@/server/support/messages";
import { hashResumeToken, newResumeToken } from "@/server/support/resume-token";
import { sessionSelect, toMessageView, toSessionView, type SessionRow } from "@/server/support/views";

export interface CreatedSession {
  session: SessionRow;
  resumeToken: string;
  messages: MessageView[];
}

/** Opens a conversation with its automatic first response as message 1. */
export async function createSession(
  user: Identity,
  input: z.output<typeof startSessionSchema>,
  opts: { offline: boolean; welcome: string },
): Promise<CreatedSession> {
  const resumeToken = newResumeToken();
  return withWriteRetry(() =>
    db().$transaction(async (tx) => {
      const created = await tx.supportSession.create({
        data: {
          shopperId: user.sub,
          topic: input.topic,
          guestName: input.name ?? null,
          guestEmail: input.email ?? null,
          resumeTokenHash: hashResumeToken(resumeToken),
          offline: opts.offline,
        },
        select: { id: true },
      });
      const open = await tx.supportSession.count({ where: { shopperId: user.sub, status: { not: "ENDED" } } });
      if (open > SUPPORT_LIMITS.openSessionsPerShopper) {
        throw new AppError("CONFLICT", `You already have ${open - 1} open conversations; please continue one of them`);
      }
      const welcome = await insertMessage(tx, { sessionId: created.id, kind: "SYSTEM", senderId: null, senderRole: "SYSTEM", body: opts.welcome });
      const session = await tx.supportSession.findUniqueOrThrow({ where: { id: created.id }, select: sessionSelect });
      return { session, resumeToken, messages: [toMessageView(welcome)] };
    }),
  );
}

/**
 * The conversation a rejoin names. A resume token opens it for whoever holds it (another device,
 * another browser); a bare sessionId only for its shopper, its agent or an admin.
 */
export async function findForRejoin(
  user: Identity,
  payload: z.output<typeof rejoinSessionSchema>,
  holdsToken: (sessionId: string) => boolean,
): Promise<{ session: SessionRow; access: Access; viaToken: boolean }> {
  if (payload.resumeToken) {
    const session = await db().supportSession.findUnique({ where: { resumeTokenHash: hashResumeToken(payload.resumeToken) }, select: sessionSelect });
    if (!session || (payload.sessionId && payload.sessionId !== session.id)) throw notFound();
    return { session, access: "shopper", viaToken: true };
  }
  const session = await db().supportSession.findUnique({ where: { id: payload.sessionId! }, select: sessionSelect });
  const access = session && accessOf(user, session, holdsToken(session.id));
  if (!session || !access) throw notFound();
  return { session, access, viaToken: false };
}

/** Ends an open conversation; ending an ended one changes nothing (message: null). */
export async function endSession(sessionId: string, endedBy: Side, actorName: string): Promise<{ session: SessionRow; message: MessageView | null }> {
  return withWriteRetry(() =>
    db().$transaction(async (tx) => {
      const ended = await tx.supportSession.updateMany({ where: { id: sessionId, status: { not: "ENDED" } }, data: { status: "ENDED", endedAt: new Date() } });
      const message = ended.count
        ? await insertMessage(tx, {
            sessionId,
            kind: "SYSTEM",
            senderId: null,
            senderRole: "SYSTEM",
            body: endedBy === "shopper" ? "The chat was ended by the shopper." : `${actorName} ended the chat.`,
          })
        : null;
      const session = await tx.supportSession.findUniqueOrThrow({ where: { id: sessionId }, select: sessionSelect });
      return { session, message: message && toMessageView(message) };
    }),
  );
}

/** One rating per conversation, once it has ended. */
export async function rateSession(session: SessionRow, rating: number, comment: string | undefined): Promise<SessionRow> {
  if (session.status !== "ENDED") throw new AppError("UNPROCESSABLE", "You can rate the chat once it has ended");
  const rated = await db().supportSession.updateMany({
    where: { id: session.id, status: "ENDED", rating: null },
    data: { rating, ratingComment: comment ?? null },
  });
  if (!rated.count) throw new AppError("CONFLICT", "This chat has already been rated");
  return db().supportSession.findUniqueOrThrow({ where: { id: session.id }, select: sessionSelect });
}

/** The email (and name) an offline shopper leaves for the answer, confirmed in the chat. */
export async function setContact(sessionId: string, email: string, name: string | undefined): Promise<{ session: SessionRow; message: MessageView }> {
  return withWriteRetry(() =>
    db().$transaction(async (tx) => {
      await tx.supportSession.update({ where: { id: sessionId }, data: { guestEmail: email, ...(name ? { guestName: name } : {}) } });
      const message = await insertMessage(tx, {
        sessionId,
        kind: "SYSTEM",
        senderId: null,
        senderRole: "SYSTEM",
        body: `Thanks! We will answer here and let you know at ${email}.`,
      });
      const session = await tx.supportSession.findUniqueOrThrow({ where: { id: sessionId }, select: sessionSelect });
      return { session, message: toMessageView(message) };
    }),
  );
}

/** Moves one side's read mark forward (never back, never past the last message). */
export async function markRead(session: SessionRow, side: Side, seq: number): Promise<{ read: MessagesRead; changed: boolean }> {
  const target = Math.min(seq, session.lastSeq);
  const field = side === "shopper" ? "shopperReadSeq" : "agentReadSeq";
  const moved = await db().supportSession.updateMany({ where: { id: session.id, [field]: { lt: target } }, data: { [field]: target } });
  return { read: { sessionId: session.id, reader: side, seq: Math.max(target, session[field]) }, changed: moved.count > 0 };
}

/** Shoppers: their open conversations (newest first); agents: the ones assigned to them. */
export async function listMySessions(user: Identity, asAgent: boolean): Promise<SessionView[]> {
  const rows = await db().supportSession.findMany({
    where: asAgent ? { agentId: user.sub, status: "ACTIVE" } : { shopperId: user.sub, status: { not: "ENDED" } },
    orderBy: { createdAt: asAgent ? "asc" : "desc" },
    take: 50,
    select: sessionSelect,
  });
  return rows.map(toSessionView);
}
