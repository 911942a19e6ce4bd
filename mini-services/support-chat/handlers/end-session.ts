import { sessionRefSchema, supportRooms, type SessionView } from "@/realtime/support-chat";
import { defineHandler } from "@/server/service/define-handler";
import { sideOf } from "@/server/support/access";
import { endSession } from "@/server/support/sessions";
import { toSessionView } from "@/server/support/views";
import { emitMessage, emitTo } from "../broadcast";
import { runtime } from "../runtime";
import { authorizeSession } from "../socket-state";

export default defineHandler({
  event: "end_session",
  schema: sessionRefSchema,
  async handle(ctx, { sessionId }): Promise<SessionView> {
    const { user, access } = await authorizeSession(ctx, sessionId);
    const endedBy = sideOf(access);
    const { session, message } = await endSession(sessionId, endedBy, user.name);
    const view = toSessionView(session);
    // Ending twice is harmless: only the first end is announced.
    if (message) {
      emitMessage(ctx, message);
      emitTo(ctx, supportRooms.session(sessionId), "session_ended", { sessionId, endedBy, session: view });
      runtime().queueChanged({ sessions: [sessionId], agents: [session.agentId] });
    }
    return view;
  },
});
