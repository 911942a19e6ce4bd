import type { Side } from "@/realtime/support-chat";
import type { Identity } from "@/server/auth/tokens";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { sessionSelect, type SessionRow } from "@/server/support/views";

/** How a caller relates to one conversation; null means not at all. */
export type Access = "shopper" | "agent" | "admin";

/**
 * The session's shopper (by account, or by a resume token this socket presented), its assigned
 * agent, and admins. Nobody else: not other shoppers, not other agents.
 */
export function accessOf(user: Identity, session: Pick<SessionRow, "shopperId" | "agentId">, holdsToken: boolean): Access | null {
  if (session.shopperId === user.sub || holdsToken) return "shopper";
  if (session.agentId === user.sub) return "agent";
  if (user.role === "ADMIN") return "admin";
  return null;
}

export const sideOf = (access: Access): Side => (access === "shopper" ? "shopper" : "agent");

export const notFound = () => new AppError("NOT_FOUND", "No such support conversation");

export async function loadSession(sessionId: string): Promise<SessionRow> {
  const session = await db().supportSession.findUnique({ where: { id: sessionId }, select: sessionSelect });
  if (!session) throw notFound();
  return session;
}

/** The session and the caller's access to it; one that may not see it gets NOT_FOUND, as for a missing one. */
export async function authorize(user: Identity, sessionId: string, holdsToken: boolean): Promise<{ session: SessionRow; access: Access }> {
  const session = await loadSession(sessionId);
  const access = accessOf(user, session, holdsToken);
  if (!access) throw notFound();
  return { session, access };
}

/** Agents may also reread conversations they took part in earlier (after a transfer or once ended). */
export async function canReadHistory(user: Identity, session: SessionRow, holdsToken: boolean): Promise<boolean> {
  if (accessOf(user, session, holdsToken)) return true;
  if (user.role !== "AGENT") return false;
  const spoke = await db().supportMessage.findFirst({ where: { sessionId: session.id, senderId: user.sub }, select: { id: true } });
  return !!spoke;
}
