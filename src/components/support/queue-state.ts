import { SUPPORT_LIMITS, type AgentPresence, type QueueChange, type QueueEntry, type QueueSnapshot } from "@/realtime/support-chat";

/** An entity as of the read at `at`; `value: null` means it was gone then (kept a while, so an older change cannot bring it back). */
interface Versioned<T> {
  at: number;
  value: T | null;
}

/** What an agent's console knows of the queue: a snapshot with every change since merged in. */
export interface QueueState {
  /** The read that gave `waiting`. */
  at: number;
  waiting: number;
  sessions: Record<string, Versioned<QueueEntry>>;
  agents: Record<string, Versioned<AgentPresence>>;
}

/** The queue as the console shows it. */
export interface QueueView {
  waiting: number;
  sessions: (QueueEntry & { position: number })[];
  agents: AgentPresence[];
}

/** How long a removal is remembered: far longer than two instances' changes can cross on the wire. */
const FORGET_MS = 60_000;

function merge<T>(
  known: Record<string, Versioned<T>>,
  at: number,
  upserts: [string, T][],
  removed: string[],
  everythingElseGone: boolean,
): Record<string, Versioned<T>> {
  const next: Record<string, Versioned<T>> = {};
  for (const [id, entry] of Object.entries(known)) {
    if (entry.value === null && entry.at < at - FORGET_MS) continue;
    next[id] = everythingElseGone && entry.at <= at ? { at, value: null } : entry;
  }
  const put = (id: string, value: T | null) => {
    const held = next[id];
    if (!held || held.at <= at) next[id] = { at, value };
  };
  for (const [id, value] of upserts) put(id, value);
  for (const id of removed) put(id, null);
  return next;
}

const empty: QueueState = { at: 0, waiting: 0, sessions: {}, agents: {} };

/** A whole-queue read (the ack of set_agent_status or get_queue): whatever it lacks is gone, unless a newer change said otherwise. */
export function applyQueueSnapshot(state: QueueState | null, snapshot: QueueSnapshot): QueueState {
  const base = state ?? empty;
  const newer = base.at > snapshot.at;
  return {
    at: newer ? base.at : snapshot.at,
    waiting: newer ? base.waiting : snapshot.waiting,
    sessions: merge(
      base.sessions,
      snapshot.at,
      snapshot.sessions.map((s) => [s.sessionId, s]),
      [],
      true,
    ),
    agents: merge(
      base.agents,
      snapshot.at,
      snapshot.agents.map((a) => [a.id, a]),
      [],
      true,
    ),
  };
}

/** One `queue_changed`: each entry replaces what is held only if what is held was read earlier. */
export function applyQueueChange(state: QueueState | null, change: QueueChange): QueueState {
  const base = state ?? empty;
  const newer = base.at > change.at;
  return {
    at: newer ? base.at : change.at,
    waiting: newer ? base.waiting : change.waiting,
    sessions: merge(
      base.sessions,
      change.at,
      change.sessions.map((s) => [s.sessionId, s]),
      change.removedSessions,
      false,
    ),
    agents: merge(
      base.agents,
      change.at,
      change.agents.map((a) => [a.id, a]),
      change.removedAgents,
      false,
    ),
  };
}

const present = <T>(entries: Record<string, Versioned<T>>): T[] => Object.values(entries).flatMap((e) => (e.value ? [e.value] : []));

/** Oldest first (the service's order), numbered; agents by name. */
export function queueView(state: QueueState): QueueView {
  const sessions = present(state.sessions)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.sessionId.localeCompare(b.sessionId))
    .slice(0, SUPPORT_LIMITS.queueShown)
    .map((s, i) => ({ ...s, position: i + 1 }));
  const agents = present(state.agents).sort((a, b) => a.name.localeCompare(b.name));
  return { waiting: Math.max(state.waiting, sessions.length), sessions, agents };
}
