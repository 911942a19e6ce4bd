import type { ServiceContext } from "@/server/service/start-service";
import type { Sanction } from "@/realtime/live-stream";
import type { Audience } from "./audience";

const SANCTION = "live:sanction";

/**
 * A sanction reaches the sanctioned identity's tabs in that show, on every instance: they are
 * told what now applies (sanction_updated), and after a ban they leave the room and stop counting
 * as viewers. The audience already knows those sockets, so no socket carries a room per identity
 * for this rare event (one more room per socket is measurable memory with thousands of viewers).
 * A tab that is not in the show learns its sanctions from the join snapshot (`you`).
 */
export function createModeration(ctx: ServiceContext, audience: Audience) {
  async function applyHere(userId: string, sanction: Sanction) {
    const ids = audience.socketsOf(sanction.showId, userId);
    if (ids.length === 0) return;
    ctx.io.local.to(ids).emit("sanction_updated", sanction);
    ctx.metrics.eventsOut.inc({ event: "sanction_updated" });
    if (!sanction.banned) return;
    const sockets = ids.map((id) => ctx.io.sockets.sockets.get(id));
    await Promise.all(sockets.map((socket) => socket && audience.leave(socket, sanction.showId)));
  }
  if (ctx.redis) ctx.io.on(SANCTION, (userId: string, sanction: Sanction) => void applyHere(userId, sanction));

  return {
    async apply(userId: string, sanction: Sanction) {
      if (ctx.redis) ctx.io.serverSideEmit(SANCTION, userId, sanction);
      await applyHere(userId, sanction);
    },
  };
}
export type Moderation = ReturnType<typeof createModeration>;
