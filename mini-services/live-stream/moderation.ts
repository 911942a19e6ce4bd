import type { ServiceContext } from "@/server/service/start-service";
import { liveUserRoom, type Sanction } from "@/realtime/live-stream";
import type { Audience } from "./audience";
import { broadcast } from "./broadcast";

const KICK = "live:kick";

/**
 * Removing a banned viewer from a show: every socket of that identity, on every instance, leaves
 * the room (and stops counting as a viewer), and its tabs are told why.
 */
export function createModeration(ctx: ServiceContext, audience: Audience) {
  async function kickHere(showId: string, userId: string) {
    const sockets = audience.socketsOf(showId, userId).map((id) => ctx.io.sockets.sockets.get(id));
    await Promise.all(sockets.map((socket) => socket && audience.leave(socket, showId)));
  }
  if (ctx.redis) ctx.io.on(KICK, (showId: string, userId: string) => void kickHere(showId, userId));

  return {
    /** Tells every tab of the identity what now applies to it. */
    notify(userId: string, sanction: Sanction) {
      broadcast(ctx, liveUserRoom(userId), "sanction_updated", sanction);
    },
    async kick(showId: string, userId: string) {
      if (ctx.redis) ctx.io.serverSideEmit(KICK, showId, userId);
      await kickHere(showId, userId);
    },
  };
}
export type Moderation = ReturnType<typeof createModeration>;
