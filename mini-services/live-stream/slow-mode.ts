import type { Redis } from "ioredis";

/**
 * One message per N seconds per viewer and show. With Redis the window is shared by every
 * instance (SET NX PX: the first message opens it atomically); without, it is in memory.
 * Returns 0 when the message may go, else the milliseconds left to wait.
 */
export function createSlowMode(redis: Redis | null) {
  const until = new Map<string, number>();
  const prune = setInterval(() => {
    const now = Date.now();
    for (const [key, t] of until) if (t <= now) until.delete(key);
  }, 60_000);
  prune.unref?.();

  return {
    async take(showId: string, userId: string, seconds: number): Promise<number> {
      const key = `live:slow:${showId}:${userId}`;
      if (redis) {
        if (await redis.set(key, "1", "PX", seconds * 1000, "NX")) return 0;
        return Math.max(1, await redis.pttl(key));
      }
      const now = Date.now();
      const open = until.get(key) ?? 0;
      if (open > now) return open - now;
      until.set(key, now + seconds * 1000);
      return 0;
    },
    stop: () => clearInterval(prune),
  };
}
