import type { Redis } from "ioredis";
import type { ServiceContext } from "@/server/service/start-service";
import type { NotificationsConfig } from "../config";
import type { PresenceTracker } from "../presence/presence";
import { redisKey } from "../redis-keys";
import { writeAlerts } from "./write-alert";

const MEMBERS = redisKey("instances");
const beatKey = (id: string) => redisKey("instance", id);
const downKey = (id: string) => redisKey("instance-down", id);

/**
 * With Redis, every instance heartbeats and watches the others: one whose heartbeat expired
 * without a clean stop is reported once (whichever instance claims it first) and its
 * connections are taken out of presence. Without Redis there is one instance and nobody to watch it.
 */
export function watchInstances(
  ctx: ServiceContext,
  redis: Redis,
  instanceId: string,
  presence: PresenceTracker,
  config: NotificationsConfig,
  onAlert: () => void,
) {
  const beat = async () => {
    await redis.multi().set(beatKey(instanceId), String(Date.now()), "PX", config.INSTANCE_TTL_MS).sadd(MEMBERS, instanceId).exec();
  };
  const check = async () => {
    for (const other of await redis.smembers(MEMBERS)) {
      if (other === instanceId || (await redis.exists(beatKey(other)))) continue;
      const claimed = await redis.set(downKey(other), instanceId, "PX", 24 * 3600_000, "NX");
      await redis.srem(MEMBERS, other);
      if (claimed !== "OK") continue;
      ctx.log.warn("instance down", { instance: other });
      await writeAlerts([
        { alert: { kind: "instance-down", severity: "critical", message: `Notifications instance ${other} stopped without shutting down`, ref: other } },
      ]);
      onAlert();
      await presence.forgetInstance(other);
    }
  };
  const tick = () =>
    void beat()
      .then(check)
      .catch((error) => ctx.log.warn("instance watch failed", { error: String(error) }));
  tick();
  const timer = setInterval(tick, config.HEARTBEAT_MS);
  return {
    /** A clean stop: leave the set first, so the others do not report it. */
    async stop() {
      clearInterval(timer);
      await redis.multi().srem(MEMBERS, instanceId).del(beatKey(instanceId)).exec();
      await presence.forgetInstance(instanceId);
    },
  };
}
