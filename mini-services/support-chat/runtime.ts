import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { SUPPORT_LIMITS } from "@/realtime/support-chat";
import { AppError } from "@/server/errors";
import type { HandlerContext } from "@/server/service/define-handler";
import type { ServiceContext } from "@/server/service/start-service";
import { findStored, persistMessage, type MessageRequest, type Persisted } from "@/server/support/message-writer";
import { readQueueChange } from "@/server/support/queue";
import { emitQueueChange } from "./broadcast";
import { memoryPresence, redisPresence, type PresenceStore } from "./presence";

/** Sessions and agents whose queue entry or presence changed. */
export interface QueueChanged {
  sessions?: string[];
  agents?: (string | null)[];
}

/** What handlers share beyond the bootstrap's context; built once the service has its Redis. */
export interface SupportRuntime {
  presence: PresenceStore;
  messageLimiter: RateLimiterAbstract;
  /**
   * Tells agents and waiting shoppers about these changes, soon: changes within
   * QUEUE_COALESCE_MS are read and sent together, so a burst costs one read and one
   * `queue_changed` per agent socket, not one per change.
   */
  queueChanged(changed: QueueChanged): void;
  stop(): void;
}

/** At most one queue read and broadcast per instance this often; a lone change goes out at once. */
const QUEUE_COALESCE_MS = 100;

let current: SupportRuntime | null = null;

export function startRuntime(ctx: ServiceContext): SupportRuntime {
  const presence = ctx.redis ? redisPresence(ctx.redis) : memoryPresence();
  const limits = { points: SUPPORT_LIMITS.messagesPerWindow, duration: SUPPORT_LIMITS.windowSeconds, keyPrefix: "support-msg" };
  const messageLimiter = ctx.redis
    ? // A stalled Redis costs a message 250 ms, then the in-memory insurance limiter decides.
      new RateLimiterRedis({ ...limits, storeClient: ctx.redis.duplicate({ commandTimeout: 250 }), insuranceLimiter: new RateLimiterMemory(limits) })
    : new RateLimiterMemory(limits);

  const pending = { sessions: new Set<string>(), agents: new Set<string>() };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let flushing = false;
  let lastFlush = 0;
  const schedule = () => {
    if (timer || flushing || (!pending.sessions.size && !pending.agents.size)) return;
    timer = setTimeout(() => void flush(), Math.max(0, lastFlush + QUEUE_COALESCE_MS - Date.now()));
  };
  const flush = async () => {
    timer = null;
    flushing = true;
    lastFlush = Date.now();
    const changed = { sessions: [...pending.sessions], agents: [...pending.agents] };
    pending.sessions.clear();
    pending.agents.clear();
    try {
      const { change, positions } = await readQueueChange(await presence.statuses(), changed);
      emitQueueChange(ctx, change, positions);
    } catch (error) {
      // Not lost: the same ids go out with the next flush.
      ctx.log.warn("queue change not published", { error: String(error) });
      changed.sessions.forEach((id) => pending.sessions.add(id));
      changed.agents.forEach((id) => pending.agents.add(id));
    } finally {
      flushing = false;
      schedule();
    }
  };

  current = {
    presence,
    messageLimiter,
    queueChanged({ sessions = [], agents = [] }) {
      sessions.forEach((id) => pending.sessions.add(id));
      agents.forEach((id) => id && pending.agents.add(id));
      schedule();
    },
    stop() {
      if (timer) clearTimeout(timer);
      presence.stop();
    },
  };
  return current;
}

export function runtime(): SupportRuntime {
  if (!current) throw new Error("support runtime used before the service started");
  return current;
}

/**
 * Stores a person's message under the per-identity limit. A retry of a stored message is
 * answered even over the limit and counts nothing (its point is given back), nor does a refusal.
 */
export async function persistWithinLimit(ctx: HandlerContext, userId: string, request: MessageRequest): Promise<Persisted> {
  const limiter = runtime().messageLimiter;
  const refund = () => limiter.reward(userId, 1).catch(() => undefined);
  const allowed = await limiter.consume(userId).then(
    () => true,
    () => false,
  );
  if (!allowed) {
    const stored = await findStored(request);
    if (stored) return stored;
    ctx.log.debug("message rate limited", { userId });
    throw new AppError(
      "RATE_LIMITED",
      `You are sending messages too quickly: at most ${SUPPORT_LIMITS.messagesPerWindow} every ${SUPPORT_LIMITS.windowSeconds} seconds`,
    );
  }
  try {
    const persisted = await persistMessage(request);
    if (!persisted.created) await refund();
    return persisted;
  } catch (error) {
    await refund();
    throw error;
  }
}
