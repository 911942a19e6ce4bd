import type { Redis } from "ioredis";
import { rooms, type Presence as PresencePayload, type Stats } from "@/realtime/notifications";
import type { Identity } from "@/server/auth/tokens";
import type { ServiceContext } from "@/server/service/start-service";
import { redisKey } from "../redis-keys";

const GLOBAL = redisKey("presence");
const WHO = redisKey("presence-who");
const instanceKey = (instanceId: string) => redisKey("presence", instanceId);

/**
 * Connections per user, counted once across instances: with Redis a global hash (plus one per
 * instance, so a dead instance's connections can be taken back out); without it, this process.
 * A user's first connection anywhere announces `user:online` to admins, the last `user:offline`.
 */
export class PresenceTracker {
  private readonly local = new Map<string, number>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly instanceId: string,
  ) {}

  private get redis(): Redis | null {
    return this.ctx.redis;
  }

  async joined(identity: Identity): Promise<void> {
    const count = (this.local.get(identity.sub) ?? 0) + 1;
    this.local.set(identity.sub, count);
    const total = this.redis ? await this.change(identity, 1) : count;
    if (total === 1) this.announce("user:online", identity.sub, identity.name, identity.role);
  }

  async left(identity: Identity): Promise<void> {
    const count = (this.local.get(identity.sub) ?? 1) - 1;
    if (count > 0) this.local.set(identity.sub, count);
    else this.local.delete(identity.sub);
    const total = this.redis ? await this.change(identity, -1) : count;
    if (total <= 0) {
      if (this.redis) await this.redis.multi().hdel(GLOBAL, identity.sub).hdel(WHO, identity.sub).exec();
      this.announce("user:offline", identity.sub, identity.name, identity.role);
    }
  }

  async stats(): Promise<Stats> {
    const counts = this.redis ? Object.entries(await this.redis.hgetall(GLOBAL)).map(([userId, n]) => [userId, Number(n)] as const) : [...this.local];
    const userConnections = counts.filter(([, n]) => n > 0).map(([userId, connectionCount]) => ({ userId, connectionCount }));
    return {
      totalConnections: userConnections.reduce((sum, u) => sum + u.connectionCount, 0),
      uniqueUsers: userConnections.length,
      userConnections,
    };
  }

  /** Takes a stopped or dead instance's connections out of the global count. */
  async forgetInstance(instanceId: string): Promise<void> {
    const redis = this.redis;
    if (!redis) return;
    const counts = await redis.hgetall(instanceKey(instanceId));
    await redis.del(instanceKey(instanceId));
    for (const [userId, n] of Object.entries(counts)) {
      if (Number(n) === 0) continue;
      const total = await redis.hincrby(GLOBAL, userId, -Number(n));
      if (total > 0) continue;
      const who = await redis.hget(WHO, userId);
      await redis.multi().hdel(GLOBAL, userId).hdel(WHO, userId).exec();
      const { name, role } = who ? (JSON.parse(who) as { name: string; role: string }) : { name: "", role: "" };
      this.announce("user:offline", userId, name, role);
    }
  }

  private async change(identity: Identity, by: 1 | -1): Promise<number> {
    const redis = this.redis!;
    const multi = redis.multi().hincrby(instanceKey(this.instanceId), identity.sub, by).hincrby(GLOBAL, identity.sub, by);
    if (by > 0) multi.hset(WHO, identity.sub, JSON.stringify({ name: identity.name, role: identity.role }));
    const results = await multi.exec();
    return Number(results?.[1]?.[1] ?? 0);
  }

  private announce(event: "user:online" | "user:offline", userId: string, name: string, role: string): void {
    const payload: PresencePayload = { userId, name, role, at: new Date().toISOString() };
    // Through the adapter: admins on every instance hear it once, from the instance that saw the change.
    this.ctx.io.to(rooms.admin).emit(event, payload);
    this.ctx.metrics.eventsOut.inc({ event });
  }
}
