import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * How many people watch each show, across every instance: per show, a count of connections per
 * identity. A person is counted once however many tabs (and instances) they have open.
 */
export interface ViewerStore {
  /** Adds one connection; returns the people count and whether this person just arrived. */
  add(showId: string, key: string): Promise<{ count: number; arrived: boolean }>;
  /** Removes one connection; returns the people count. */
  remove(showId: string, key: string): Promise<number>;
  counts(showIds: string[]): Promise<number[]>;
  /** Housekeeping; `onChanged` hears shows whose count moved without a local join or leave. */
  start(onChanged: (showIds: string[]) => void): void;
  stop(): Promise<void>;
}

/** show → viewer key → that person's sockets on this instance (kept by the audience). */
export type LocalPeople = ReadonlyMap<string, ReadonlyMap<string, number>>;

/**
 * One instance (no Redis): its own sockets are the whole audience, so the counts are read from
 * the audience's map of local people instead of being kept a second time. The audience has
 * already counted the connection when it calls add or remove.
 */
export function localViewerStore(people: LocalPeople): ViewerStore {
  const count = (showId: string) => people.get(showId)?.size ?? 0;
  return {
    async add(showId, key) {
      return { count: count(showId), arrived: people.get(showId)?.get(key) === 1 };
    },
    async remove(showId) {
      return count(showId);
    },
    async counts(showIds) {
      return showIds.map(count);
    },
    start() {},
    async stop() {},
  };
}

const ADD = `
local n = redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
return {redis.call('HLEN', KEYS[1]), n}`;

const REMOVE = `
local n = redis.call('HINCRBY', KEYS[1], ARGV[1], -1)
if n <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end
local c = redis.call('HINCRBY', KEYS[2], ARGV[2], -1)
if c <= 0 then redis.call('HDEL', KEYS[2], ARGV[2]) end
return redis.call('HLEN', KEYS[1])`;

// Takes back everything one (dead) instance had added, once: the script runs atomically and
// deletes the instance's record, so two reapers cannot both subtract it.
const REAP = `
local entries = redis.call('HGETALL', KEYS[1])
local shows = {}
for i = 1, #entries, 2 do
  local field = entries[i]
  local sep = string.find(field, '\\t', 1, true)
  local showId = string.sub(field, 1, sep - 1)
  local hash = ARGV[2] .. showId
  local n = redis.call('HINCRBY', hash, string.sub(field, sep + 1), -tonumber(entries[i + 1]))
  if n <= 0 then redis.call('HDEL', hash, string.sub(field, sep + 1)) end
  shows[showId] = true
end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[1])
local out = {}
for id in pairs(shows) do out[#out + 1] = id end
return out`;

// An instance silent this long is presumed dead and its viewers are subtracted (tests shorten it).
const PRESUMED_DEAD_MS = Number(process.env.LIVE_PRESENCE_TTL_MS ?? 30_000);
const HEARTBEAT_MS = PRESUMED_DEAD_MS / 6;

/**
 * The Redis store: `live:viewers:<show>` maps identity → open connections (HINCRBY, so joins
 * and leaves on any instance are atomic); HLEN is the number of people. Each instance also
 * records what it added under its own key and keeps a heartbeat; when an instance dies without
 * saying goodbye, a surviving one subtracts its record, so crashed instances leave no ghosts.
 */
export function redisViewerStore(redis: Redis, prefix = "live"): ViewerStore {
  const instance = randomUUID();
  const viewersKey = (showId: string) => `${prefix}:viewers:${showId}`;
  const contribKey = (id: string) => `${prefix}:contrib:${id}`;
  const heartbeatKey = (id: string) => `${prefix}:instance:${id}`;
  const instancesKey = `${prefix}:instances`;
  const timers: ReturnType<typeof setInterval>[] = [];

  const beat = () => redis.multi().set(heartbeatKey(instance), "1", "PX", PRESUMED_DEAD_MS).sadd(instancesKey, instance).exec();
  const reap = async (id: string) => (await redis.eval(REAP, 2, contribKey(id), instancesKey, id, `${prefix}:viewers:`)) as string[];

  return {
    async add(showId, key) {
      const [count, n] = (await redis.eval(ADD, 2, viewersKey(showId), contribKey(instance), key, `${showId}\t${key}`)) as [number, number];
      return { count, arrived: n === 1 };
    },
    async remove(showId, key) {
      return (await redis.eval(REMOVE, 2, viewersKey(showId), contribKey(instance), key, `${showId}\t${key}`)) as number;
    },
    async counts(showIds) {
      if (showIds.length === 0) return [];
      const pipeline = redis.pipeline();
      for (const id of showIds) pipeline.hlen(viewersKey(id));
      const results = (await pipeline.exec()) ?? [];
      return results.map(([, n]) => Number(n ?? 0));
    },
    start(onChanged) {
      void beat();
      timers.push(
        setInterval(() => void beat().catch(() => undefined), HEARTBEAT_MS),
        setInterval(async () => {
          try {
            for (const id of await redis.smembers(instancesKey)) {
              if (id === instance || (await redis.exists(heartbeatKey(id)))) continue;
              const shows = await reap(id);
              if (shows.length) onChanged(shows);
            }
          } catch {
            // Redis unreachable: try again at the next round.
          }
        }, HEARTBEAT_MS * 2),
      );
      for (const t of timers) t.unref?.();
    },
    async stop() {
      timers.forEach(clearInterval);
      await reap(instance).catch(() => undefined);
      await redis.del(heartbeatKey(instance)).catch(() => undefined);
    },
  };
}
