import { sanction } from "@/server/live/chat";
import { defineHandler } from "@/server/service/define-handler";
import { userRefSchema, type Sanction } from "@/realtime/live-stream";
import { asHost } from "../access";
import { live } from "../runtime";

/** Out of the show for its whole run: every tab leaves the room and cannot join, chat or claim. */
export default defineHandler({
  event: "ban_user",
  schema: userRefSchema,
  async handle(ctx, { showId, userId }): Promise<Sanction> {
    await asHost(ctx, showId);
    await sanction(showId, userId, "BAN", null);
    const { shows, moderation } = live();
    shows.invalidate(showId);
    const result = { showId, mutedUntil: null, banned: true };
    await moderation.apply(userId, result);
    return result;
  },
});
