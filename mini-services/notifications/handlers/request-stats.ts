import { noPayloadSchema, type Stats } from "@/realtime/notifications";
import { defineHandler, requireRole } from "@/server/service/define-handler";
import { presenceTracker } from "../hub";

export const requestStats = defineHandler({
  event: "request:stats",
  schema: noPayloadSchema,
  async handle(ctx): Promise<Stats> {
    requireRole(ctx, "ADMIN");
    const stats = await presenceTracker().stats();
    // The earlier clients listen for `stats`; newer ones read the ack.
    ctx.socket.emit("stats", stats);
    ctx.metrics.eventsOut.inc({ event: "stats" });
    return stats;
  },
});
