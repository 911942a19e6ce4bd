import type { Redis } from "ioredis";
import type { AgentStatus } from "@/realtime/support-chat";

/**
 * Which agents are here and how they said they are. The status is per agent (every tab shows
 * the same); being here is per socket: an agent whose last socket is gone is offline.
 */
export interface PresenceStore {
  set(agentId: string, socketId: string, status: AgentStatus): Promise<void>;
  drop(agentId: string, socketId: string): Promise<void>;
  /** Agents with a live socket and a status other than offline. */
  statuses(): Promise<Map<string, AgentStatus>>;
  stop(): void;
}

export function memoryPresence(): PresenceStore {
  const status = new Map<string, AgentStatus>();
  const sockets = new Map<string, Set<string>>();
  return {
    async set(agentId, socketId, next) {
      status.set(agentId, next);
      sockets.set(agentId, (sockets.get(agentId) ?? new Set()).add(socketId));
    },
    async drop(agentId, socketId) {
      const mine = sockets.get(agentId);
      mine?.delete(socketId);
      if (!mine?.size) {
        sockets.delete(agentId);
        status.delete(agentId);
      }
    },
    async statuses() {
      const here = new Map<string, AgentStatus>();
      for (const agentId of sockets.keys()) {
        const s = status.get(agentId);
        if (s && s !== "offline") here.set(agentId, s);
      }
      return here;
    },
    stop() {},
  };
}

const STATUS_KEY = "support:presence:status";
const LIVE_KEY = "support:presence:live";
const TTL_MS = 30_000;
const HEARTBEAT_MS = 10_000;

/**
 * Shared by every instance. Each live socket is a member of a sorted set scored by when it
 * expires; its instance renews it every 10 s, so the sockets of an instance that died
 * (kill -9) drop out within 30 s without anyone cleaning up after it.
 */
export function redisPresence(redis: Redis): PresenceStore {
  const local = new Map<string, string>(); // socketId → agentId, renewed by this instance
  const member = (agentId: string, socketId: string) => `${agentId} ${socketId}`;
  const renew = async () => {
    if (!local.size) return;
    const expires = Date.now() + TTL_MS;
    await redis.zadd(LIVE_KEY, ...[...local].flatMap(([socketId, agentId]) => [expires, member(agentId, socketId)]));
  };
  const timer = setInterval(() => void renew().catch(() => undefined), HEARTBEAT_MS);
  timer.unref?.();
  return {
    async set(agentId, socketId, status) {
      local.set(socketId, agentId);
      await redis
        .multi()
        .hset(STATUS_KEY, agentId, status)
        .zadd(LIVE_KEY, Date.now() + TTL_MS, member(agentId, socketId))
        .exec();
    },
    async drop(agentId, socketId) {
      if (!local.delete(socketId)) return;
      await redis.zrem(LIVE_KEY, member(agentId, socketId));
    },
    async statuses() {
      const now = Date.now();
      await redis.zremrangebyscore(LIVE_KEY, "-inf", now);
      const agentIds = [...new Set((await redis.zrangebyscore(LIVE_KEY, now, "+inf")).map((m) => m.split(" ")[0]!))];
      if (!agentIds.length) return new Map();
      const values = await redis.hmget(STATUS_KEY, ...agentIds);
      const here = new Map<string, AgentStatus>();
      agentIds.forEach((id, i) => {
        const s = values[i] as AgentStatus | null;
        if (s && s !== "offline") here.set(id, s);
      });
      return here;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
