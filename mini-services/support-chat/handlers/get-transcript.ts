import { sessionRefSchema, type Transcript } from "@/realtime/support-chat";
import { defineHandler, requireUser } from "@/server/service/define-handler";
import { accessOf, canReadHistory, loadSession, notFound } from "@/server/support/access";
import { messagesAfter } from "@/server/support/messages";
import { toSessionView } from "@/server/support/views";
import { holdsToken } from "../socket-state";

export default defineHandler({
  event: "get_transcript",
  schema: sessionRefSchema,
  async handle(ctx, { sessionId }): Promise<Transcript> {
    const user = requireUser(ctx);
    const token = holdsToken(ctx.socket)(sessionId);
    const session = await loadSession(sessionId);
    if (!(await canReadHistory(user, session, token))) throw notFound();
    const side = accessOf(user, session, token) === "shopper" ? "shopper" : "agent";
    return { session: toSessionView(session), messages: await messagesAfter(sessionId, 0, side) };
  },
});
