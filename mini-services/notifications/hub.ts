import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { ServiceContext } from "@/server/service/start-service";
import { alertStuckOrders } from "./alerts/stuck-orders";
import { watchInstances } from "./alerts/instance-watch";
import { readConfig } from "./config";
import { PresenceTracker } from "./presence/presence";
import { redisKey } from "./redis-keys";
import { openNudgeChannel } from "./relay/nudge-channel";
import { Relay } from "./relay/relay";

/** This process's delivery state, shared by the connection setup, the handlers and the routes. */
export const config = readConfig();
export const instanceId = `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
export const relay = new Relay(config);

let presence: PresenceTracker | undefined;
let nudges: Awaited<ReturnType<typeof openNudgeChannel>> | undefined;
let instances: ReturnType<typeof watchInstances> | undefined;
let stuckTimer: ReturnType<typeof setInterval> | undefined;

export function presenceTracker(): PresenceTracker {
  if (!presence) throw new Error("the notifications hub is not started");
  return presence;
}

/** New outbox rows are committed: deliver now, here and on every other instance. */
export function nudgeAll(): void {
  relay.wake();
  nudges?.publish();
}

export async function startHub(ctx: ServiceContext): Promise<void> {
  presence = new PresenceTracker(ctx, instanceId);
  await relay.start(ctx);
  if (ctx.redis) {
    nudges = await openNudgeChannel(ctx.redis, () => relay.wake());
    instances = watchInstances(ctx, ctx.redis, instanceId, presence, config, nudgeAll);
  }
  stuckTimer = setInterval(() => void checkStuckOrders(ctx), config.STUCK_CHECK_MS);
}

export async function stopHub(): Promise<void> {
  clearInterval(stuckTimer);
  relay.stop();
  await instances?.stop().catch(() => undefined);
  await nudges?.close();
}

async function checkStuckOrders(ctx: ServiceContext): Promise<void> {
  try {
    // One instance per period does the check; the alerts' refs keep it from repeating itself anyway.
    if (ctx.redis && (await ctx.redis.set(redisKey("stuck-check"), instanceId, "PX", Math.max(1, config.STUCK_CHECK_MS - 100), "NX")) !== "OK") return;
    if ((await alertStuckOrders(config.ORDER_STUCK_MINUTES)) > 0) nudgeAll();
  } catch (error) {
    ctx.log.warn("stuck-order check failed", { error: String(error) });
  }
}
