import { AppError } from "@/server/errors";
import { showAnalytics } from "@/server/live/analytics";
import { isHostOf } from "@/server/live/shows";
import { defineHandler } from "@/server/service/define-handler";
import { hostRoom, showRefSchema, type StreamState } from "@/realtime/live-stream";
import { live } from "../runtime";

/** Joins the show's room and answers with the whole current state (the stream_state snapshot). */
export default defineHandler({
  event: "join_stream",
  schema: showRefSchema,
  async handle(ctx, { showId }): Promise<StreamState> {
    const { shows, audience, stats } = live();
    const user = ctx.socket.data.user;
    const show = await shows.state(showId);
    const sanction = user ? show.sanctions.get(user.sub) : undefined;
    if (sanction?.banned) throw new AppError("FORBIDDEN", "You were removed from this show");
    const isHost = !!user && isHostOf(user, show);
    if (isHost) ctx.socket.join(hostRoom(showId));
    // The host is not an audience member: the count and unique viewers are the audience's.
    const { arrived, key } = await audience.join(ctx.socket, showId, !isHost);
    if (!isHost) {
      stats.viewer(showId, key);
      stats.sampleViewers(showId);
      if (arrived && show.featuredProductId) stats.product(showId, show.featuredProductId, "views");
    }
    const snapshot = await shows.snapshot(showId);
    const now = Date.now();
    return {
      ...snapshot,
      viewerCount: audience.count(showId),
      you: {
        userId: user?.sub ?? null,
        isHost,
        mutedUntil: sanction?.mutedUntil && sanction.mutedUntil.getTime() > now ? sanction.mutedUntil.toISOString() : null,
      },
      host: isHost ? { blockedWords: show.blockedWords, analytics: await showAnalytics(showId, audience.count(showId)) } : null,
    };
  },
});
