import type { AgentPresence, AgentStatus, QueuePosition, QueueSnapshot } from "@/realtime/support-chat";
import { db } from "@/server/db/client";
import { estimateWaitMinutes } from "@/server/support/wait-estimate";
import { shopperName } from "@/server/support/views";

const QUEUE_SHOWN = 100;
const DEFAULT_HANDLE_MINUTES = 6;

let handleCache: { at: number; minutes: number } | null = null;

/** The average minutes from claim to end over the last 50 chats (cached for a minute). */
async function averageHandleMinutes(): Promise<number> {
  if (handleCache && Date.now() - handleCache.at < 60_000) return handleCache.minutes;
  const ended = await db().supportSession.findMany({
    where: { status: "ENDED", claimedAt: { not: null }, endedAt: { not: null } },
    orderBy: { endedAt: "desc" },
    take: 50,
    select: { claimedAt: true, endedAt: true },
  });
  const total = ended.reduce((ms, s) => ms + (s.endedAt!.getTime() - s.claimedAt!.getTime()), 0);
  const minutes = ended.length ? Math.min(30, Math.max(2, total / ended.length / 60_000)) : DEFAULT_HANDLE_MINUTES;
  handleCache = { at: Date.now(), minutes };
  return minutes;
}

/** The agents present (online or away), with their load, from the presence store's statuses. */
export async function agentPresence(statuses: Map<string, AgentStatus>): Promise<AgentPresence[]> {
  const ids = [...statuses.keys()];
  if (!ids.length) return [];
  const [users, counts] = await Promise.all([
    db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, maxChats: true }, orderBy: { name: "asc" } }),
    db().supportSession.groupBy({ by: ["agentId"], where: { agentId: { in: ids }, status: "ACTIVE" }, _count: { _all: true } }),
  ]);
  const active = new Map(counts.map((c) => [c.agentId, c._count._all]));
  return users.map((u) => ({ id: u.id, name: u.name, status: statuses.get(u.id) ?? "offline", activeChats: active.get(u.id) ?? 0, maxChats: u.maxChats }));
}

/** The waiting conversations in order, who is there to take them, and each one's place and wait. */
export async function readQueue(statuses: Map<string, AgentStatus>): Promise<{ snapshot: QueueSnapshot; positions: QueuePosition[] }> {
  const at = Date.now();
  const [rows, agents, handleMinutes] = await Promise.all([
    db().supportSession.findMany({
      where: { status: "QUEUED" },
      orderBy: { createdAt: "asc" },
      take: QUEUE_SHOWN,
      select: {
        id: true,
        topic: true,
        offline: true,
        createdAt: true,
        guestName: true,
        shopper: { select: { name: true } },
        messages: { where: { kind: "MESSAGE" }, orderBy: { seq: "desc" }, take: 1, select: { body: true } },
      },
    }),
    agentPresence(statuses),
    averageHandleMinutes(),
  ]);
  const agentsOnline = agents.filter((a) => a.status === "online").length;
  const sessions = rows.map((s, i) => ({
    sessionId: s.id,
    position: i + 1,
    topic: s.topic,
    shopperName: shopperName(s),
    offline: s.offline,
    createdAt: s.createdAt.toISOString(),
    lastMessage: s.messages[0]?.body.slice(0, 140) ?? null,
  }));
  const positions = sessions.map((s) => ({
    sessionId: s.sessionId,
    position: s.position,
    estimatedWaitMinutes: estimateWaitMinutes(s.position, agents, handleMinutes),
    agentsOnline,
  }));
  return { snapshot: { at, sessions, agents }, positions };
}

/** One waiting conversation's place and wait (null once it is no longer waiting). */
export async function queuePositionOf(
  session: { id: string; status: string; createdAt: Date },
  statuses: Map<string, AgentStatus>,
): Promise<QueuePosition | null> {
  if (session.status !== "QUEUED") return null;
  const [ahead, agents, handleMinutes] = await Promise.all([
    db().supportSession.count({ where: { status: "QUEUED", createdAt: { lt: session.createdAt } } }),
    agentPresence(statuses),
    averageHandleMinutes(),
  ]);
  const position = ahead + 1;
  return {
    sessionId: session.id,
    position,
    estimatedWaitMinutes: estimateWaitMinutes(position, agents, handleMinutes),
    agentsOnline: agents.filter((a) => a.status === "online").length,
  };
}
