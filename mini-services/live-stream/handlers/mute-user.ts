import { sanction } from "@/server/live/chat";
import { defineHandler } from "@/server/service/define-handler";
import { muteUserSchema, type Sanction } from "@/realtime/live-stream";
import { asHost } from "../access";
import { live } from "../runtime";

/** The viewer keeps watching but cannot chat for N minutes; their tabs are told until when. */
export default defineHandler({
  event: "mute_user",
  schema: muteUserSchema,
  async handle(ctx, { showId, userId, minutes }): Promise<Sanction> {
    await asHost(ctx, showId);
    const until = new Date(Date.now() + minutes * 60_000);
    await sanction(showId, userId, "MUTE", until);
    live().shows.invalidate(showId);
    const result = { showId, mutedUntil: until.toISOString(), banned: false };
    await live().moderation.apply(userId, result);
    return result;
  },
});
