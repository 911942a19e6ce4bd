import { sessionRefSchema, supportRooms, type SessionView } from "@/realtime/support-chat";
import { defineHandler } from "@/server/service/define-handler";
import { releaseSession } from "@/server/support/assignment";
import { toSessionView } from "@/server/support/views";
import { emitMessage, emitTo } from "../broadcast";
import { runtime } from "../runtime";
import { authorizeStaff } from "../socket-state";

export default defineHandler({
  event: "release_session",
  schema: sessionRefSchema,
  async handle(ctx, { sessionId }): Promise<SessionView> {
    const { user, session: before } = await authorizeStaff(ctx, sessionId);
    const { session, message } = await releaseSession(before, user.name);
    const view = toSessionView(session);
    const room = supportRooms.session(sessionId);
    if (before.agentId) {
      ctx.io.in(supportRooms.agent(before.agentId)).socketsLeave(room);
      emitTo(ctx, supportRooms.agent(before.agentId), "session_unassigned", { sessionId, reason: "released" });
    }
    emitMessage(ctx, message);
    emitTo(ctx, room, "session_updated", { session: view });
    runtime().queueChanged({ sessions: [sessionId], agents: [before.agentId] });
    return view;
  },
});
