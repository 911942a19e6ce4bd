import { emptySchema, type QueueSnapshot } from "@/realtime/support-chat";
import { defineHandler, requireRole } from "@/server/service/define-handler";
import { readQueue } from "@/server/support/queue";
import { runtime } from "../runtime";

export default defineHandler({
  event: "get_queue",
  schema: emptySchema,
  async handle(ctx): Promise<QueueSnapshot> {
    requireRole(ctx, "AGENT");
    return readQueue(await runtime().presence.statuses());
  },
});
