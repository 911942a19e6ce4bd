import { parseBlockedWords } from "@/server/live/blocked-words";
import { updateChatSettings } from "@/server/live/chat";
import { defineHandler } from "@/server/service/define-handler";
import { setBlockedWordsSchema } from "@/realtime/live-stream";
import { asHost } from "../access";
import { live } from "../runtime";

/** Replaces the show's blocked-word list (the list is not shown to viewers). */
export default defineHandler({
  event: "set_blocked_words",
  schema: setBlockedWordsSchema,
  async handle(ctx, { showId, words }): Promise<{ words: string[] }> {
    await asHost(ctx, showId);
    const saved = await updateChatSettings(showId, { blockedWords: words });
    live().shows.invalidate(showId);
    return { words: parseBlockedWords(saved.blockedWords) };
  },
});
