import { sendMessageSchema, type MessageView } from "@/realtime/support-chat";
import { nudgeNotifications } from "@/server/outbox/nudge";
import { defineHandler, requireUser } from "@/server/service/define-handler";
import { emitMessage } from "../broadcast";
import { persistWithinLimit, runtime } from "../runtime";
import { messageSender } from "../socket-state";

export default defineHandler({
  event: "send_message",
  schema: sendMessageSchema,
  async handle(ctx, payload): Promise<MessageView> {
    const user = requireUser(ctx);
    // Access, idempotency and the write are decided in the writer's batch (group commit).
    const { message, created, session, notified } = await persistWithinLimit(ctx, user.sub, {
      ...payload,
      kind: "MESSAGE",
      senderId: user.sub,
      senderRole: messageSender(ctx, payload.sessionId, false),
    });
    if (notified) nudgeNotifications();
    if (created) {
      emitMessage(ctx, message);
      if (session.status === "QUEUED") runtime().queueChanged({ sessions: [session.id] });
    }
    return message;
  },
});
