import { describe, expect, it } from "vitest";
import { applyQueueChange, applyQueueSnapshot, queueView } from "@/components/support/queue-state";
import type { AgentPresence, QueueChange, QueueEntry } from "@/realtime/support-chat";

const entry = (sessionId: string, createdAt: string, lastMessage: string | null = null): QueueEntry => ({
  sessionId,
  topic: `About ${sessionId}`,
  shopperName: sessionId.toUpperCase(),
  offline: false,
  createdAt,
  lastMessage,
});
const agent = (id: string, activeChats = 0): AgentPresence => ({ id, name: id, status: "online", activeChats, maxChats: 3 });
const change = (at: number, c: Partial<QueueChange>): QueueChange => ({
  at,
  waiting: 0,
  sessions: [],
  removedSessions: [],
  agents: [],
  removedAgents: [],
  ...c,
});

describe("an agent's queue, from a snapshot and the changes after it", () => {
  const snapshot = {
    at: 100,
    waiting: 2,
    sessions: [entry("b", "2026-01-01T10:00:02Z"), entry("a", "2026-01-01T10:00:01Z")],
    agents: [agent("zoe"), agent("ana")],
  };

  it("shows the snapshot oldest first, numbered, agents by name", () => {
    const view = queueView(applyQueueSnapshot(null, snapshot));
    expect(view.waiting).toBe(2);
    expect(view.sessions.map((s) => [s.position, s.sessionId])).toEqual([
      [1, "a"],
      [2, "b"],
    ]);
    expect(view.agents.map((a) => a.id)).toEqual(["ana", "zoe"]);
  });

  it("applies joins, leaves and updates, and renumbers", () => {
    let state = applyQueueSnapshot(null, snapshot);
    state = applyQueueChange(
      state,
      change(110, { waiting: 2, sessions: [entry("c", "2026-01-01T10:00:03Z")], removedSessions: ["a"], agents: [agent("ana", 1)] }),
    );
    state = applyQueueChange(state, change(120, { waiting: 2, sessions: [entry("b", "2026-01-01T10:00:02Z", "hello?")] }));
    const view = queueView(state);
    expect(view.sessions.map((s) => [s.position, s.sessionId, s.lastMessage])).toEqual([
      [1, "b", "hello?"],
      [2, "c", null],
    ]);
    expect(view.agents.find((a) => a.id === "ana")?.activeChats).toBe(1);
  });

  it("ignores a change read before what it holds, so crossing instances cannot bring a claimed chat back", () => {
    let state = applyQueueSnapshot(null, snapshot);
    state = applyQueueChange(state, change(130, { waiting: 1, removedSessions: ["a"], removedAgents: ["zoe"] }));
    state = applyQueueChange(state, change(125, { waiting: 2, sessions: [entry("a", "2026-01-01T10:00:01Z", "late")], agents: [agent("zoe", 2)] }));
    const view = queueView(state);
    expect(view.sessions.map((s) => s.sessionId)).toEqual(["b"]);
    expect(view.agents.map((a) => a.id)).toEqual(["ana"]);
    expect(view.waiting).toBe(1);
  });

  it("keeps a change newer than a snapshot that arrives after it, and drops what the snapshot no longer has", () => {
    let state = applyQueueChange(null, change(150, { waiting: 3, sessions: [entry("d", "2026-01-01T10:00:04Z")] }));
    state = applyQueueSnapshot(state, snapshot);
    expect(queueView(state).sessions.map((s) => s.sessionId)).toEqual(["a", "b", "d"]);
    expect(queueView(state).waiting).toBe(3);
    state = applyQueueSnapshot(state, { at: 200, waiting: 1, sessions: [entry("d", "2026-01-01T10:00:04Z")], agents: [] });
    expect(queueView(state).sessions.map((s) => s.sessionId)).toEqual(["d"]);
    expect(queueView(state).agents).toEqual([]);
  });
});
