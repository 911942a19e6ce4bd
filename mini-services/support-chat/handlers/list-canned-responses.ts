import { emptySchema, type CannedResponse } from "@/realtime/support-chat";
import { defineHandler, requireRole } from "@/server/service/define-handler";
import { listCannedResponses } from "@/server/support/canned-responses";

export default defineHandler({
  event: "list_canned_responses",
  schema: emptySchema,
  handle(ctx): Promise<CannedResponse[]> {
    requireRole(ctx, "AGENT");
    return listCannedResponses();
  },
});
