import { setContactSchema, supportRooms, type SessionView } from "@/realtime/support-chat";
import { AppError } from "@/server/errors";
import { defineHandler } from "@/server/service/define-handler";
import { setContact } from "@/server/support/sessions";
import { toSessionView } from "@/server/support/views";
import { emitMessage, emitTo } from "../broadcast";
import { runtime } from "../runtime";
import { authorizeSession } from "../socket-state";

export default defineHandler({
  event: "set_contact",
  schema: setContactSchema,
  async handle(ctx, payload): Promise<SessionView> {
    const { session: before, access } = await authorizeSession(ctx, payload.sessionId);
    if (access !== "shopper") throw new AppError("FORBIDDEN", "Only the shopper leaves their contact details");
    const { session, message } = await setContact(payload.sessionId, payload.email, payload.name);
    const view = toSessionView(session);
    emitMessage(ctx, message);
    emitTo(ctx, supportRooms.session(session.id), "session_updated", { session: view });
    if (before.status === "QUEUED") runtime().queueChanged({ sessions: [session.id] });
    return view;
  },
});
