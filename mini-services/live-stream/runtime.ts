import type { ServiceContext } from "@/server/service/start-service";
import { createAudience } from "./audience";
import { createMessageWriter } from "./message-writer";
import { createModeration } from "./moderation";
import { createOfferDesk } from "./offer-desk";
import { createReactions } from "./reactions";
import { createShowCache } from "./show-cache";
import { createSlowMode } from "./slow-mode";
import { createStats } from "./stats";
import { localViewerStore, redisViewerStore } from "./viewer-store";

/** The per-instance state every handler shares; Redis-backed where instances must agree. */
function createRuntime(ctx: ServiceContext) {
  const shows = createShowCache(ctx);
  const redis = ctx.redis;
  const audience = createAudience(ctx, (people) => (redis ? redisViewerStore(redis) : localViewerStore(people)));
  const stats = createStats(ctx, audience);
  return {
    ctx,
    shows,
    audience,
    stats,
    offers: createOfferDesk(ctx, shows, stats),
    messages: createMessageWriter(),
    reactions: createReactions(ctx),
    slowMode: createSlowMode(ctx.redis),
    moderation: createModeration(ctx, audience),
  };
}
export type LiveRuntime = ReturnType<typeof createRuntime>;

let current: LiveRuntime | null = null;

export async function startRuntime(ctx: ServiceContext): Promise<void> {
  current = createRuntime(ctx);
  await current.offers.resume();
}

export function live(): LiveRuntime {
  if (!current) throw new Error("live-stream runtime used before start");
  return current;
}

/** After the sockets closed: store every pending message and counter, release Redis records. */
export async function stopRuntime(): Promise<void> {
  if (!current) return;
  const rt = current;
  rt.offers.stop();
  rt.reactions.stop();
  rt.slowMode.stop();
  await rt.messages.flush();
  await rt.stats.stop();
  await rt.audience.stop();
}
