import { addNoteSchema, type MessageView } from "@/realtime/support-chat";
import { defineHandler } from "@/server/service/define-handler";
import { postMessage, storedMessage } from "@/server/support/messages";
import { emitMessage } from "../broadcast";
import { limitMessages } from "../runtime";
import { authorizeStaff } from "../socket-state";

export default defineHandler({
  event: "add_note",
  schema: addNoteSchema,
  async handle(ctx, payload): Promise<MessageView> {
    const { user, session } = await authorizeStaff(ctx, payload.sessionId);
    // A retry (offline queue, lost ack) gets its stored message back without counting again.
    const stored = await storedMessage(session.id, payload.clientMessageId);
    if (stored) return stored;
    await limitMessages(ctx, user.sub);
    const { message, created } = await postMessage({
      sessionId: session.id,
      kind: "NOTE",
      senderId: user.sub,
      senderRole: "AGENT",
      body: payload.body,
      clientMessageId: payload.clientMessageId,
    });
    if (created) emitMessage(ctx, message, [session.agentId, user.sub]);
    return message;
  },
});
