import { updateChatSettings } from "@/server/live/chat";
import { defineHandler } from "@/server/service/define-handler";
import { setSlowModeSchema, showRoom, type ChatSettings } from "@/realtime/live-stream";
import { asHost } from "../access";
import { broadcast } from "../broadcast";
import { live } from "../runtime";

/** One message per N seconds per viewer (0 turns it off); the host is never slowed. */
export default defineHandler({
  event: "set_slow_mode",
  schema: setSlowModeSchema,
  async handle(ctx, { showId, seconds }): Promise<ChatSettings> {
    await asHost(ctx, showId);
    const saved = await updateChatSettings(showId, { slowModeSeconds: seconds });
    live().shows.invalidate(showId);
    const settings = { showId, enabled: saved.chatEnabled, slowModeSeconds: saved.slowModeSeconds };
    broadcast(ctx, showRoom(showId), "chat_settings_updated", settings);
    return settings;
  },
});
