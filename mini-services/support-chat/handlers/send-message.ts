import { sendMessageSchema, type MessageView } from "@/realtime/support-chat";
import { nudgeNotifications } from "@/server/outbox/nudge";
import { defineHandler } from "@/server/service/define-handler";
import { sideOf } from "@/server/support/access";
import { postMessage, storedMessage } from "@/server/support/messages";
import { notifyFirstOfflineReply } from "@/server/support/offline-reply";
import { emitMessage } from "../broadcast";
import { limitMessages, runtime } from "../runtime";
import { authorizeSession } from "../socket-state";

export default defineHandler({
  event: "send_message",
  schema: sendMessageSchema,
  async handle(ctx, payload): Promise<MessageView> {
    const { user, session, access } = await authorizeSession(ctx, payload.sessionId);
    // A retry (offline queue, lost ack) gets its stored message back without counting again.
    const stored = await storedMessage(session.id, payload.clientMessageId);
    if (stored) return stored;
    await limitMessages(ctx, user.sub);
    const fromAgent = sideOf(access) === "agent";
    let notified = false;
    const { message, created } = await postMessage(
      {
        sessionId: session.id,
        kind: "MESSAGE",
        senderId: user.sub,
        senderRole: fromAgent ? "AGENT" : "SHOPPER",
        body: payload.body,
        clientMessageId: payload.clientMessageId,
      },
      fromAgent ? async (tx, row) => void (notified = await notifyFirstOfflineReply(tx, session, row)) : undefined,
    );
    if (notified) nudgeNotifications();
    if (created) {
      emitMessage(ctx, message);
      if (session.status === "QUEUED") runtime().queueChanged({ sessions: [session.id] });
    }
    return message;
  },
});
