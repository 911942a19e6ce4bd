import type { Prisma } from "@/generated/prisma/client";
import type { MessageView, SessionView } from "@/realtime/support-chat";

/** What every session read selects: enough for the view and for access checks. */
export const sessionSelect = {
  id: true,
  status: true,
  topic: true,
  shopperId: true,
  agentId: true,
  guestName: true,
  guestEmail: true,
  offline: true,
  createdAt: true,
  claimedAt: true,
  endedAt: true,
  lastSeq: true,
  shopperReadSeq: true,
  agentReadSeq: true,
  rating: true,
  ratingComment: true,
  shopper: { select: { name: true, email: true } },
  agent: { select: { id: true, name: true } },
} satisfies Prisma.SupportSessionSelect;
export type SessionRow = Prisma.SupportSessionGetPayload<{ select: typeof sessionSelect }>;

export const messageSelect = {
  id: true,
  sessionId: true,
  seq: true,
  kind: true,
  senderRole: true,
  body: true,
  clientMessageId: true,
  createdAt: true,
  sender: { select: { name: true } },
  session: { select: { guestName: true } },
} satisfies Prisma.SupportMessageSelect;
export type MessageRow = Prisma.SupportMessageGetPayload<{ select: typeof messageSelect }>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A guest is called by the name they gave, else by their account name. */
export const shopperName = (s: { guestName: string | null; shopper: { name: string } }) => s.guestName ?? s.shopper.name;

export function toSessionView(s: SessionRow): SessionView {
  return {
    id: s.id,
    status: s.status,
    topic: s.topic,
    shopperName: shopperName(s),
    email: s.guestEmail ?? s.shopper.email,
    agent: s.agent,
    offline: s.offline,
    createdAt: s.createdAt.toISOString(),
    claimedAt: iso(s.claimedAt),
    endedAt: iso(s.endedAt),
    lastSeq: s.lastSeq,
    shopperReadSeq: s.shopperReadSeq,
    agentReadSeq: s.agentReadSeq,
    rating: s.rating,
    ratingComment: s.ratingComment,
  };
}

export function toMessageView(m: MessageRow): MessageView {
  const senderRole = m.senderRole === "SHOPPER" || m.senderRole === "AGENT" ? m.senderRole : "SYSTEM";
  const senderName =
    senderRole === "SYSTEM" ? "CALOR" : senderRole === "SHOPPER" ? (m.session.guestName ?? m.sender?.name ?? "Shopper") : (m.sender?.name ?? "Agent");
  return {
    id: m.id,
    sessionId: m.sessionId,
    seq: m.seq,
    kind: m.kind,
    senderRole,
    senderName,
    body: m.body,
    clientMessageId: m.clientMessageId,
    createdAt: m.createdAt.toISOString(),
  };
}
