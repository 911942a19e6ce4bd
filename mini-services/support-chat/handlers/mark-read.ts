import { markReadSchema, supportRooms, type MessagesRead } from "@/realtime/support-chat";
import { defineHandler } from "@/server/service/define-handler";
import { sideOf } from "@/server/support/access";
import { markRead } from "@/server/support/sessions";
import { emitTo } from "../broadcast";
import { authorizeSession } from "../socket-state";

export default defineHandler({
  event: "mark_read",
  schema: markReadSchema,
  async handle(ctx, payload): Promise<MessagesRead> {
    const { session, access } = await authorizeSession(ctx, payload.sessionId);
    const { read, changed } = await markRead(session, sideOf(access), payload.seq);
    if (changed) emitTo(ctx, supportRooms.session(session.id), "messages_read", read);
    return read;
  },
});
