import { createHash } from "node:crypto";
import { env } from "@/server/env";

let prefix: string | undefined;

/**
 * This deployment's namespace in Redis. Redis pub/sub ignores the database number, so two
 * deployments (or test runs) on one Redis server are kept apart by a prefix on every key and
 * channel: REDIS_PREFIX when set, otherwise one derived from the database the deployment uses.
 */
export function redisPrefix(): string {
  if (prefix) return prefix;
  const config = env();
  prefix = config.REDIS_PREFIX ?? `calor:${createHash("sha256").update(config.DATABASE_URL).digest("hex").slice(0, 10)}`;
  return prefix;
}

/** A Redis key or channel of this deployment: `redisKey("live", "viewers", showId)`. */
export const redisKey = (...parts: string[]) => [redisPrefix(), ...parts].join(":");
