import { orderRefSchema, rooms, type OrderRoomAck, type RoomResult } from "@/realtime/notifications";
import { defineHandler, requireUser } from "@/server/service/define-handler";
import { sessionOf } from "../sessions";

export const orderUnsubscribe = defineHandler({
  event: "order:unsubscribe",
  schema: orderRefSchema,
  handle(ctx, { orderId }): RoomResult {
    requireUser(ctx);
    const room = rooms.order(orderId);
    sessionOf(ctx.socket).remove(room);
    return { room };
  },
  ack: ({ room }): OrderRoomAck => ({ success: true, room }),
  ackError: (error): OrderRoomAck => ({ success: false, error }),
});
