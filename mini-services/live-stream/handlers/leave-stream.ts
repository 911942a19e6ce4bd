import { defineHandler } from "@/server/service/define-handler";
import { hostRoom, showRefSchema } from "@/realtime/live-stream";
import { live } from "../runtime";

export default defineHandler({
  event: "leave_stream",
  schema: showRefSchema,
  async handle(ctx, { showId }) {
    ctx.socket.leave(hostRoom(showId));
    await live().audience.leave(ctx.socket, showId);
    return {};
  },
});
