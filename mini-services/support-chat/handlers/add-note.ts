import { addNoteSchema, type MessageView } from "@/realtime/support-chat";
import { defineHandler, requireRole } from "@/server/service/define-handler";
import { emitMessage } from "../broadcast";
import { persistWithinLimit } from "../runtime";
import { messageSender } from "../socket-state";

export default defineHandler({
  event: "add_note",
  schema: addNoteSchema,
  async handle(ctx, payload): Promise<MessageView> {
    const user = requireRole(ctx, "AGENT");
    const { message, created, session } = await persistWithinLimit(ctx, user.sub, {
      ...payload,
      kind: "NOTE",
      senderId: user.sub,
      senderRole: messageSender(ctx, payload.sessionId, true),
    });
    if (created) emitMessage(ctx, message, [session.agentId, user.sub]);
    return message;
  },
});
