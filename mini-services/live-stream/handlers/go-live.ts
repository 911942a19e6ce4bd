import { goLive } from "@/server/live/shows";
import { nudgeNotifications } from "@/server/outbox/nudge";
import { defineHandler } from "@/server/service/define-handler";
import { showRefSchema, showRoom, type StreamStatus } from "@/realtime/live-stream";
import { asHost } from "../access";
import { broadcast } from "../broadcast";
import { live } from "../runtime";

/** Starts the show; everyone who RSVP'd is notified through the outbox (same transaction). */
export default defineHandler({
  event: "go_live",
  schema: showRefSchema,
  async handle(ctx, { showId }): Promise<StreamStatus> {
    await asHost(ctx, showId);
    const status = await goLive(showId);
    nudgeNotifications();
    live().shows.invalidate(showId);
    broadcast(ctx, showRoom(showId), "stream_status", status);
    return status;
  },
});
