import { sessionRefSchema, supportRooms, type SessionView } from "@/realtime/support-chat";
import { AppError } from "@/server/errors";
import { defineHandler, requireRole } from "@/server/service/define-handler";
import { claimSession } from "@/server/support/assignment";
import { toSessionView } from "@/server/support/views";
import { emitMessage, emitTo } from "../broadcast";
import { runtime } from "../runtime";

export default defineHandler({
  event: "claim_session",
  schema: sessionRefSchema,
  async handle(ctx, { sessionId }): Promise<SessionView> {
    const agent = requireRole(ctx, "AGENT");
    const { presence, queueChanged } = runtime();
    if ((await presence.statuses()).get(agent.sub) !== "online") throw new AppError("CONFLICT", "Set yourself online to take chats");
    const { session, message } = await claimSession(agent, sessionId);
    const view = toSessionView(session);
    // Every tab of this agent hears the conversation from now on (across instances too).
    ctx.io.in(supportRooms.agent(agent.sub)).socketsJoin(supportRooms.session(sessionId));
    emitMessage(ctx, message);
    emitTo(ctx, supportRooms.session(sessionId), "session_updated", { session: view });
    emitTo(ctx, supportRooms.agent(agent.sub), "session_assigned", { session: view, reason: "claimed", from: null });
    queueChanged({ sessions: [sessionId], agents: [agent.sub] });
    return view;
  },
});
