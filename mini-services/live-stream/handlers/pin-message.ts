import { pinMessage } from "@/server/live/chat";
import { toChatMessage } from "@/server/live/views";
import { defineHandler } from "@/server/service/define-handler";
import { pinMessageSchema, showRoom, type ChatMessage } from "@/realtime/live-stream";
import { asHost } from "../access";
import { broadcast } from "../broadcast";
import { live } from "../runtime";

/** Pins a message above the chat for everyone (messageId null unpins). */
export default defineHandler({
  event: "pin_message",
  schema: pinMessageSchema,
  async handle(ctx, { showId, messageId }): Promise<{ message: ChatMessage | null }> {
    const { show } = await asHost(ctx, showId);
    await live().messages.flush();
    const row = await pinMessage(showId, messageId);
    live().shows.invalidate(showId);
    const message = row ? toChatMessage(row, show.hostId) : null;
    broadcast(ctx, showRoom(showId), "message_pinned", { showId, message });
    return { message };
  },
});
