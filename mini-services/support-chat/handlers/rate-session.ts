import { rateSessionSchema, supportRooms, type SessionView } from "@/realtime/support-chat";
import { AppError } from "@/server/errors";
import { defineHandler } from "@/server/service/define-handler";
import { rateSession } from "@/server/support/sessions";
import { toSessionView } from "@/server/support/views";
import { emitTo } from "../broadcast";
import { authorizeSession } from "../socket-state";

export default defineHandler({
  event: "rate_session",
  schema: rateSessionSchema,
  async handle(ctx, payload): Promise<SessionView> {
    const { session, access } = await authorizeSession(ctx, payload.sessionId);
    if (access !== "shopper") throw new AppError("FORBIDDEN", "Only the shopper rates a chat");
    const view = toSessionView(await rateSession(session, payload.rating, payload.comment));
    emitTo(ctx, supportRooms.session(session.id), "session_updated", { session: view });
    return view;
  },
});
