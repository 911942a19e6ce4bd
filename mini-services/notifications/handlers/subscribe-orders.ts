import { noPayloadSchema, rooms, type RoomResult } from "@/realtime/notifications";
import { defineHandler, requireUser } from "@/server/service/define-handler";
import { sessionOf } from "../sessions";

/** Every socket already follows its user's orders from connect; kept for the earlier clients. */
export const subscribeOrders = defineHandler({
  event: "subscribe:orders",
  schema: noPayloadSchema,
  handle(ctx): RoomResult {
    const room = rooms.user(requireUser(ctx).sub);
    sessionOf(ctx.socket).add(room);
    return { room };
  },
});
