import type { Redis } from "ioredis";
import { redisKey } from "../redis-keys";

const CHANNEL = redisKey("outbox-nudge");

/**
 * The app nudges one instance over HTTP; the Redis channel passes the nudge on to all of them,
 * so every instance delivers at once rather than at its next poll.
 */
export async function openNudgeChannel(redis: Redis, onNudge: () => void) {
  const subscriber = redis.duplicate();
  subscriber.on("error", () => undefined);
  subscriber.on("message", onNudge);
  await subscriber.subscribe(CHANNEL);
  return {
    publish: () => void redis.publish(CHANNEL, "1").catch(() => undefined),
    close: () =>
      subscriber.quit().then(
        () => undefined,
        () => undefined,
      ),
  };
}
