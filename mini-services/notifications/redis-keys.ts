import { redisKey as deploymentKey } from "@/server/redis/redis-key";

/** A Redis key or channel of this deployment's notifications service. */
export const redisKey = (...parts: string[]) => deploymentKey("notif", ...parts);
