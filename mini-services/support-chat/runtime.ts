import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { SUPPORT_LIMITS, type QueueSnapshot } from "@/realtime/support-chat";
import { AppError } from "@/server/errors";
import type { HandlerContext } from "@/server/service/define-handler";
import type { ServiceContext } from "@/server/service/start-service";
import { readQueue } from "@/server/support/queue";
import { emitQueue } from "./broadcast";
import { memoryPresence, redisPresence, type PresenceStore } from "./presence";

/** What handlers share beyond the bootstrap's context; built once the service has its Redis. */
export interface SupportRuntime {
  presence: PresenceStore;
  messageLimiter: RateLimiterAbstract;
  /** Reads the queue and sends it to agents and waiting shoppers; concurrent calls coalesce. */
  publishQueue(): Promise<QueueSnapshot>;
}

let current: SupportRuntime | null = null;

export function startRuntime(ctx: ServiceContext): SupportRuntime {
  const presence = ctx.redis ? redisPresence(ctx.redis) : memoryPresence();
  const limits = { points: SUPPORT_LIMITS.messagesPerWindow, duration: SUPPORT_LIMITS.windowSeconds, keyPrefix: "support-msg" };
  const messageLimiter = ctx.redis
    ? // A stalled Redis costs a message 250 ms, then the in-memory insurance limiter decides.
      new RateLimiterRedis({ ...limits, storeClient: ctx.redis.duplicate({ commandTimeout: 250 }), insuranceLimiter: new RateLimiterMemory(limits) })
    : new RateLimiterMemory(limits);

  // One read at a time per instance; calls during a read share the next one, so a burst of
  // changes costs two reads and the last snapshot sent is never older than the last change.
  let running: Promise<QueueSnapshot> | null = null;
  let next: Promise<QueueSnapshot> | null = null;
  const publishOnce = async () => {
    const { snapshot, positions } = await readQueue(await presence.statuses());
    emitQueue(ctx, snapshot, positions);
    return snapshot;
  };
  const publishQueue = (): Promise<QueueSnapshot> => {
    if (!running) {
      running = publishOnce().finally(() => (running = null));
      return running;
    }
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = null;
        return publishQueue();
      });
    return next;
  };

  current = { presence, messageLimiter, publishQueue };
  return current;
}

export function runtime(): SupportRuntime {
  if (!current) throw new Error("support runtime used before the service started");
  return current;
}

/** The per-identity message limit, on top of the bootstrap's limit on all events. */
export async function limitMessages(ctx: HandlerContext, userId: string): Promise<void> {
  await runtime()
    .messageLimiter.consume(userId)
    .catch(() => {
      ctx.log.debug("message rate limited", { userId });
      throw new AppError(
        "RATE_LIMITED",
        `You are sending messages too quickly: at most ${SUPPORT_LIMITS.messagesPerWindow} every ${SUPPORT_LIMITS.windowSeconds} seconds`,
      );
    });
}
