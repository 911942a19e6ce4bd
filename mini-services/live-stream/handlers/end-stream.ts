import { endShow } from "@/server/live/shows";
import { defineHandler } from "@/server/service/define-handler";
import { showRefSchema, showRoom, type StreamStatus } from "@/realtime/live-stream";
import { asHost } from "../access";
import { broadcast } from "../broadcast";
import { live } from "../runtime";

/** Ends the show and any running offer; the counters are stored at once for the report. */
export default defineHandler({
  event: "end_stream",
  schema: showRefSchema,
  async handle(ctx, { showId }): Promise<StreamStatus> {
    await asHost(ctx, showId);
    const { shows, offers, stats } = live();
    const { status, endedOfferIds } = await endShow(showId);
    shows.invalidate(showId);
    await Promise.all(endedOfferIds.map((offerId) => offers.endedEarly(offerId, showId)));
    broadcast(ctx, showRoom(showId), "stream_status", status);
    await stats.flush();
    stats.forget(showId);
    return status;
  },
});
