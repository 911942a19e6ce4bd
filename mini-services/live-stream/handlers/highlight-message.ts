import { setHighlighted } from "@/server/live/chat";
import { defineHandler } from "@/server/service/define-handler";
import { highlightMessageSchema, showRoom } from "@/realtime/live-stream";
import { asHost } from "../access";
import { broadcast } from "../broadcast";
import { live } from "../runtime";

export default defineHandler({
  event: "highlight_message",
  schema: highlightMessageSchema,
  async handle(ctx, { showId, messageId, highlighted }) {
    await asHost(ctx, showId);
    await live().messages.flush();
    await setHighlighted(showId, messageId, highlighted);
    live().shows.staleSnapshot(showId);
    broadcast(ctx, showRoom(showId), "message_highlighted", { showId, messageId, highlighted });
    return { messageId, highlighted };
  },
});
