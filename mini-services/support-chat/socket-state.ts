import type { Side } from "@/realtime/support-chat";
import { supportRooms } from "@/realtime/support-chat";
import { requireRole, requireUser, type AnySocket, type HandlerContext } from "@/server/service/define-handler";
import { accessOf, authorize, notFound } from "@/server/support/access";
import type { SessionRow } from "@/server/support/views";

interface SupportSocketState {
  /** Sessions this socket opened with a resume token: it acts as their shopper. */
  tokens: Set<string>;
  /** Sessions this socket joined, with its side and the name its typing shows. */
  joined: Map<string, { side: Side; name: string }>;
}

const states = new WeakMap<AnySocket, SupportSocketState>();

export function socketState(socket: AnySocket): SupportSocketState {
  let state = states.get(socket);
  if (!state) states.set(socket, (state = { tokens: new Set(), joined: new Map() }));
  return state;
}

export const holdsToken = (socket: AnySocket) => (sessionId: string) => socketState(socket).tokens.has(sessionId);

/** Puts the socket in the session's room; call it before reading history, so nothing falls between. */
export async function joinSession(socket: AnySocket, sessionId: string, side: Side, name: string, viaToken: boolean): Promise<void> {
  const state = socketState(socket);
  if (viaToken) state.tokens.add(sessionId);
  state.joined.set(sessionId, { side, name });
  await socket.join(supportRooms.session(sessionId));
}

/** The caller, the session and how they relate; NOT_FOUND when they may not see it. */
export async function authorizeSession(ctx: HandlerContext, sessionId: string) {
  const user = requireUser(ctx);
  return { user, ...(await authorize(user, sessionId, socketState(ctx.socket).tokens.has(sessionId))) };
}

/** Staff-only operations on a session: its assigned agent or an admin. */
export async function authorizeStaff(ctx: HandlerContext, sessionId: string) {
  requireRole(ctx, "AGENT");
  const found = await authorizeSession(ctx, sessionId);
  if (found.access === "shopper") throw notFound();
  return found;
}

/**
 * authorizeSession / authorizeStaff for the message writer, which reads the session itself
 * (with the rest of its batch): who the caller writes as, or NOT_FOUND.
 */
export function messageSender(ctx: HandlerContext, sessionId: string, staffOnly: boolean): (session: SessionRow) => "SHOPPER" | "AGENT" {
  const user = staffOnly ? requireRole(ctx, "AGENT") : requireUser(ctx);
  const holdsToken = socketState(ctx.socket).tokens.has(sessionId);
  return (session) => {
    const access = accessOf(user, session, holdsToken);
    if (!access || (staffOnly && access === "shopper")) throw notFound();
    return access === "shopper" ? "SHOPPER" : "AGENT";
  };
}
