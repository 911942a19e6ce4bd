import { supportRooms, typingSchema } from "@/realtime/support-chat";
import { defineHandler, requireUser } from "@/server/service/define-handler";
import { notFound } from "@/server/support/access";
import { socketState } from "../socket-state";

export default defineHandler({
  event: "typing",
  schema: typingSchema,
  // Sent on most keystrokes: decided from the socket's rooms, without touching the database.
  handle(ctx, { sessionId, isTyping }) {
    const user = requireUser(ctx);
    const room = supportRooms.session(sessionId);
    if (!ctx.socket.rooms.has(room)) throw notFound();
    // Agents' other tabs join through claim or transfer, not through this socket's own join.
    const joined = socketState(ctx.socket).joined.get(sessionId) ?? { side: "agent" as const, name: user.name };
    ctx.socket.to(room).emit("user_typing", { sessionId, from: joined.side, name: joined.name, isTyping });
    ctx.metrics.eventsOut.inc({ event: "user_typing" });
    return null;
  },
});
