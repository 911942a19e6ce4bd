import type { Prisma } from "@/generated/prisma/client";
import {
  SUPPORT_LIMITS,
  type AgentPresence,
  type AgentStatus,
  type QueueChange,
  type QueueEntry,
  type QueuePosition,
  type QueueSnapshot,
} from "@/realtime/support-chat";
import { db } from "@/server/db/client";
import { estimateWaitMinutes } from "@/server/support/wait-estimate";
import { shopperName } from "@/server/support/views";

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

/** Prisma refuses a query with more bound parameters than SQLite allows (999): long id lists go in slices. */
const ID_SLICE = 500;
async function inSlices<T>(ids: string[], read: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const slices: string[][] = [];
  for (let i = 0; i < ids.length; i += ID_SLICE) slices.push(ids.slice(i, i + ID_SLICE));
  return (await Promise.all(slices.map(read))).flat();
}

/** The agents present (online or away), with their load, from the presence store's statuses; by name. */
export async function agentPresence(statuses: Map<string, AgentStatus>): Promise<AgentPresence[]> {
  const ids = [...statuses.keys()];
  if (!ids.length) return [];
  const [users, counts] = await Promise.all([
    inSlices(ids, (slice) => db().user.findMany({ where: { id: { in: slice } }, select: { id: true, name: true, maxChats: true } })),
    inSlices(ids, (slice) => db().supportSession.groupBy({ by: ["agentId"], where: { agentId: { in: slice }, status: "ACTIVE" }, _count: { _all: true } })),
  ]);
  const active = new Map(counts.map((c) => [c.agentId, c._count._all]));
  return users
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((u) => ({ id: u.id, name: u.name, status: statuses.get(u.id) ?? "offline", activeChats: active.get(u.id) ?? 0, maxChats: u.maxChats }));
}

const entrySelect = {
  id: true,
  topic: true,
  offline: true,
  createdAt: true,
  guestName: true,
  shopper: { select: { name: true } },
  messages: { where: { kind: "MESSAGE" }, orderBy: { seq: "desc" }, take: 1, select: { body: true } },
} satisfies Prisma.SupportSessionSelect;

function toQueueEntry(s: Prisma.SupportSessionGetPayload<{ select: typeof entrySelect }>): QueueEntry {
  return {
    sessionId: s.id,
    topic: s.topic,
    shopperName: shopperName(s),
    offline: s.offline,
    createdAt: s.createdAt.toISOString(),
    lastMessage: s.messages[0]?.body.slice(0, 140) ?? null,
  };
}

const queueOrder = [{ createdAt: "asc" }, { id: "asc" }] satisfies Prisma.SupportSessionOrderByWithRelationInput[];

/** The whole queue as agents see it: the oldest waiting conversations and who is there to take them. */
export async function readQueue(statuses: Map<string, AgentStatus>): Promise<QueueSnapshot> {
  const at = Date.now();
  const [rows, waiting, agents] = await Promise.all([
    db().supportSession.findMany({ where: { status: "QUEUED" }, orderBy: queueOrder, take: SUPPORT_LIMITS.queueShown, select: entrySelect }),
    db().supportSession.count({ where: { status: "QUEUED" } }),
    agentPresence(statuses),
  ]);
  return { at, waiting, sessions: rows.map(toQueueEntry), agents };
}

/**
 * What agents and waiting shoppers must hear after these sessions and agents changed: the
 * changed entries (and those that moved into the shown part of the queue because others left
 * it), the agents' new state, and every waiting shopper's place and wait (which any change can
 * move). Reads the queue's ids once, then only the rows that changed.
 */
export async function readQueueChange(
  statuses: Map<string, AgentStatus>,
  changed: { sessions: string[]; agents: string[] },
): Promise<{ change: QueueChange; positions: QueuePosition[] }> {
  const at = Date.now();
  const queued = await db().supportSession.findMany({ where: { status: "QUEUED" }, orderBy: queueOrder, select: { id: true } });
  const place = new Map(queued.map((s, i) => [s.id, i]));
  const shown = SUPPORT_LIMITS.queueShown;
  const removedSessions = changed.sessions.filter((id) => !place.has(id));
  const upsert = new Set(changed.sessions.filter((id) => place.get(id)! < shown));
  // k conversations left: whoever now sits in the last k shown places may be new to the agents.
  for (const s of queued.slice(Math.max(0, shown - removedSessions.length), shown)) upsert.add(s.id);
  const presentAgents = changed.agents.filter((id) => statuses.has(id));
  const [rows, agents, everyone, handleMinutes] = await Promise.all([
    inSlices([...upsert], (slice) => db().supportSession.findMany({ where: { id: { in: slice }, status: "QUEUED" }, select: entrySelect })),
    presentAgents.length ? agentPresence(new Map(presentAgents.map((id) => [id, statuses.get(id)!]))) : [],
    queued.length ? agentPresence(statuses) : [],
    queued.length ? averageHandleMinutes() : DEFAULT_HANDLE_MINUTES,
  ]);
  const agentsOnline = everyone.filter((a) => a.status === "online").length;
  // Places behind a conversation that joined or changed are unchanged unless one left or the agents changed.
  const from = removedSessions.length || changed.agents.length ? 0 : Math.min(queued.length, ...changed.sessions.map((id) => place.get(id) ?? queued.length));
  const positions = queued.slice(from).map((s, j) => ({
    sessionId: s.id,
    position: from + j + 1,
    estimatedWaitMinutes: estimateWaitMinutes(from + j + 1, everyone, handleMinutes),
    agentsOnline,
  }));
  const change: QueueChange = {
    at,
    waiting: queued.length,
    sessions: rows.map(toQueueEntry),
    removedSessions,
    agents,
    removedAgents: changed.agents.filter((id) => !statuses.has(id)),
  };
  return { change, positions };
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
