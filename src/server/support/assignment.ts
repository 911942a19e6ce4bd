import type { MessageView } from "@/realtime/support-chat";
import type { Identity } from "@/server/auth/tokens";
import { db, type Tx } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { notFound } from "@/server/support/access";
import { insertMessage, withWriteRetry } from "@/server/support/messages";
import { sessionSelect, toMessageView, type SessionRow } from "@/server/support/views";

export interface AssignmentChange {
  session: SessionRow;
  message: MessageView;
}

/**
 * Refuses (and so rolls back) an assignment that takes an agent past their cap on open chats.
 * It first writes the agent's row without changing it: the row lock makes a second assignment to
 * the same agent wait until this one commits, so its count includes this chat. (Under
 * PostgreSQL's read committed, two claims at once would otherwise each count only their own.)
 */
async function checkCap(tx: Tx, agentId: string): Promise<{ name: string }> {
  await tx.$executeRaw`UPDATE "User" SET "maxChats" = "maxChats" WHERE "id" = ${agentId}`;
  const agent = await tx.user.findUnique({ where: { id: agentId }, select: { name: true, maxChats: true, role: true } });
  if (!agent || (agent.role !== "AGENT" && agent.role !== "ADMIN")) throw new AppError("NOT_FOUND", "No such agent");
  const active = await tx.supportSession.count({ where: { agentId, status: "ACTIVE" } });
  if (active > agent.maxChats) {
    throw new AppError("CONFLICT", `${agent.name} already has ${agent.maxChats} open chats, the most allowed at once`);
  }
  return agent;
}

const systemLine = (tx: Tx, sessionId: string, body: string) =>
  insertMessage(tx, { sessionId, kind: "SYSTEM", senderId: null, senderRole: "SYSTEM", body }).then(toMessageView);

/**
 * Takes a waiting conversation. One conditional write (status must still be QUEUED) decides:
 * of two agents claiming at once exactly one changes the row, the other gets CONFLICT.
 */
export async function claimSession(agent: Identity, sessionId: string): Promise<AssignmentChange> {
  return withWriteRetry(() =>
    db().$transaction(async (tx) => {
      const won = await tx.supportSession.updateMany({
        where: { id: sessionId, status: "QUEUED" },
        data: { status: "ACTIVE", agentId: agent.sub, claimedAt: new Date() },
      });
      if (!won.count) {
        const exists = await tx.supportSession.findUnique({ where: { id: sessionId }, select: { status: true } });
        if (!exists) throw notFound();
        throw new AppError("CONFLICT", exists.status === "ENDED" ? "This chat has already ended" : "Another agent has already taken this chat");
      }
      const { name } = await checkCap(tx, agent.sub);
      const message = await systemLine(tx, sessionId, `${name} joined the chat.`);
      return { session: await tx.supportSession.findUniqueOrThrow({ where: { id: sessionId }, select: sessionSelect }), message };
    }),
  );
}

/** Puts an active conversation back at its place in the queue (it keeps its original wait). */
export async function releaseSession(session: SessionRow, actorName: string): Promise<AssignmentChange> {
  return withWriteRetry(() =>
    db().$transaction(async (tx) => {
      const released = await tx.supportSession.updateMany({
        where: { id: session.id, status: "ACTIVE", agentId: session.agentId },
        data: { status: "QUEUED", agentId: null, claimedAt: null },
      });
      if (!released.count) throw new AppError("CONFLICT", "This chat is not assigned to you any more");
      const message = await systemLine(tx, session.id, `${actorName} left the chat; the next available agent will continue.`);
      return { session: await tx.supportSession.findUniqueOrThrow({ where: { id: session.id }, select: sessionSelect }), message };
    }),
  );
}

/** Hands an active conversation to another agent (who must be online: checked by the caller). */
export async function transferSession(session: SessionRow, toAgentId: string): Promise<AssignmentChange> {
  if (session.status !== "ACTIVE" || !session.agentId) throw new AppError("CONFLICT", "Only an active chat can be transferred");
  if (session.agentId === toAgentId) throw new AppError("VALIDATION", "This chat is already assigned to that agent", "toAgentId");
  return withWriteRetry(() =>
    db().$transaction(async (tx) => {
      const moved = await tx.supportSession.updateMany({
        where: { id: session.id, status: "ACTIVE", agentId: session.agentId },
        data: { agentId: toAgentId, claimedAt: new Date() },
      });
      if (!moved.count) throw new AppError("CONFLICT", "This chat changed hands meanwhile; reload it");
      const { name } = await checkCap(tx, toAgentId);
      const message = await systemLine(tx, session.id, `You are now chatting with ${name}.`);
      return { session: await tx.supportSession.findUniqueOrThrow({ where: { id: session.id }, select: sessionSelect }), message };
    }),
  );
}
