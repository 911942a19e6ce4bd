import { resumeSchema, type ResumeResult } from "@/realtime/notifications";
import { AppError } from "@/server/errors";
import { defineHandler, requireUser } from "@/server/service/define-handler";
import { config, relay } from "../hub";
import { replayThenGoLive } from "../relay/replay";
import { sessionOf } from "../sessions";

/**
 * For a client that could not put `lastEventId` in its handshake: replays from there. Events it
 * already heard live since connecting come again; clients drop them by eventId.
 */
export const resume = defineHandler({
  event: "resume",
  schema: resumeSchema,
  async handle(ctx, { lastEventId }): Promise<ResumeResult> {
    requireUser(ctx);
    const session = sessionOf(ctx.socket);
    if (session.replaying) throw new AppError("CONFLICT", "Already catching up");
    return replayThenGoLive(session, relay, lastEventId, config.OUTBOX_BATCH);
  },
});
