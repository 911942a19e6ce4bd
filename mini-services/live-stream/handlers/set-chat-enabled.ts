import { updateChatSettings } from "@/server/live/chat";
import { defineHandler } from "@/server/service/define-handler";
import { setChatEnabledSchema, showRoom, type ChatSettings } from "@/realtime/live-stream";
import { asHost } from "../access";
import { broadcast } from "../broadcast";
import { live } from "../runtime";

/** Chat on or off for viewers; the host can still post. */
export default defineHandler({
  event: "set_chat_enabled",
  schema: setChatEnabledSchema,
  async handle(ctx, { showId, enabled }): Promise<ChatSettings> {
    await asHost(ctx, showId);
    const saved = await updateChatSettings(showId, { chatEnabled: enabled });
    live().shows.invalidate(showId);
    const settings = { showId, enabled: saved.chatEnabled, slowModeSeconds: saved.slowModeSeconds };
    broadcast(ctx, showRoom(showId), "chat_settings_updated", settings);
    return settings;
  },
});
