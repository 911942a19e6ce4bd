import { liftSanctions } from "@/server/live/chat";
import { defineHandler } from "@/server/service/define-handler";
import { userRefSchema, type Sanction } from "@/realtime/live-stream";
import { asHost } from "../access";
import { live } from "../runtime";

/** Undoes mutes and bans of one viewer in this show. */
export default defineHandler({
  event: "lift_sanctions",
  schema: userRefSchema,
  async handle(ctx, { showId, userId }): Promise<Sanction> {
    await asHost(ctx, showId);
    await liftSanctions(showId, userId);
    live().shows.invalidate(showId);
    const result = { showId, mutedUntil: null, banned: false };
    await live().moderation.apply(userId, result);
    return result;
  },
});
