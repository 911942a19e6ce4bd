import { rejoinSessionSchema, type RejoinResult } from "@/realtime/support-chat";
import { defineHandler, requireUser } from "@/server/service/define-handler";
import { loadSession, sideOf } from "@/server/support/access";
import { messagesAfter } from "@/server/support/messages";
import { queuePositionOf } from "@/server/support/queue";
import { findForRejoin } from "@/server/support/sessions";
import { shopperName, toSessionView } from "@/server/support/views";
import { runtime } from "../runtime";
import { holdsToken, joinSession } from "../socket-state";

export default defineHandler({
  event: "rejoin_session",
  schema: rejoinSessionSchema,
  async handle(ctx, payload): Promise<RejoinResult> {
    const user = requireUser(ctx);
    const { session, access, viaToken } = await findForRejoin(user, payload, holdsToken(ctx.socket));
    const side = sideOf(access);
    // Join first, read second: a message sent in between arrives twice (clients keep one per
    // seq), never not at all.
    await joinSession(ctx.socket, session.id, side, side === "shopper" ? shopperName(session) : user.name, viaToken);
    const [messages, fresh, statuses] = await Promise.all([
      messagesAfter(session.id, payload.lastSeq, side),
      loadSession(session.id),
      runtime().presence.statuses(),
    ]);
    return { session: toSessionView(fresh), messages, queue: await queuePositionOf(fresh, statuses), side };
  },
});
