import { supportRooms, transferSessionSchema, type SessionView } from "@/realtime/support-chat";
import { AppError } from "@/server/errors";
import { defineHandler } from "@/server/service/define-handler";
import { transferSession } from "@/server/support/assignment";
import { toSessionView } from "@/server/support/views";
import { emitMessage, emitTo } from "../broadcast";
import { runtime } from "../runtime";
import { authorizeStaff } from "../socket-state";

export default defineHandler({
  event: "transfer_session",
  schema: transferSessionSchema,
  async handle(ctx, { sessionId, toAgentId }): Promise<SessionView> {
    const { session: before } = await authorizeStaff(ctx, sessionId);
    const { presence, queueChanged } = runtime();
    if ((await presence.statuses()).get(toAgentId) !== "online") throw new AppError("CONFLICT", "That agent is not online", "toAgentId");
    const { session, message } = await transferSession(before, toAgentId);
    const view = toSessionView(session);
    const room = supportRooms.session(sessionId);
    const from = before.agent;
    if (from) {
      ctx.io.in(supportRooms.agent(from.id)).socketsLeave(room);
      emitTo(ctx, supportRooms.agent(from.id), "session_unassigned", { sessionId, reason: "transferred" });
    }
    ctx.io.in(supportRooms.agent(toAgentId)).socketsJoin(room);
    emitTo(ctx, supportRooms.agent(toAgentId), "session_assigned", { session: view, reason: "transferred", from });
    emitMessage(ctx, message);
    emitTo(ctx, room, "session_updated", { session: view });
    queueChanged({ agents: [from?.id ?? null, toAgentId] });
    return view;
  },
});
