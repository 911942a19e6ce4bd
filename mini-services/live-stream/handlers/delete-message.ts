import { deleteMessage } from "@/server/live/chat";
import { defineHandler } from "@/server/service/define-handler";
import { messageRefSchema, showRoom } from "@/realtime/live-stream";
import { asHost } from "../access";
import { broadcast } from "../broadcast";
import { live } from "../runtime";

/** Removes a message from every viewer's chat (kept in the database, marked deleted). */
export default defineHandler({
  event: "delete_message",
  schema: messageRefSchema,
  async handle(ctx, { showId, messageId }) {
    await asHost(ctx, showId);
    await live().messages.flush();
    const { wasPinned } = await deleteMessage(showId, messageId);
    live().shows.invalidate(showId);
    broadcast(ctx, showRoom(showId), "message_deleted", { showId, messageId });
    if (wasPinned) broadcast(ctx, showRoom(showId), "message_pinned", { showId, message: null });
    return { messageId };
  },
});
