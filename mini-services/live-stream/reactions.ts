import type { ServiceContext } from "@/server/service/start-service";
import { LIVE_LIMITS, showRoom, type Reaction, type ReactionBatch } from "@/realtime/live-stream";
import { broadcast } from "./broadcast";

/**
 * Reactions arrive by the thousand in a busy show; each show gets one reaction_added per
 * window with the counts, so the fan-out cost does not grow with the number of taps.
 */
export function createReactions(ctx: ServiceContext) {
  const pending = new Map<string, Map<string, ReactionBatch["reactions"][number]>>();
  const timer = setInterval(() => {
    for (const [showId, byKey] of pending) {
      broadcast(ctx, showRoom(showId), "reaction_added", { showId, reactions: [...byKey.values()] });
    }
    pending.clear();
  }, LIVE_LIMITS.coalesceMs);
  timer.unref?.();

  return {
    add(showId: string, emoji: Reaction, messageId: string | null) {
      const byKey = pending.get(showId) ?? new Map();
      pending.set(showId, byKey);
      const key = `${emoji}\t${messageId ?? ""}`;
      const entry = byKey.get(key) ?? { emoji, messageId, count: 0 };
      entry.count += 1;
      byKey.set(key, entry);
    },
    stop: () => clearInterval(timer),
  };
}
