import { orderRefSchema, rooms, type OrderRoomAck, type RoomResult } from "@/realtime/notifications";
import { defineHandler, requireUser } from "@/server/service/define-handler";
import { sessionOf } from "../sessions";
import { assertMayFollowOrder } from "./order-access";

export const orderSubscribe = defineHandler({
  event: "order:subscribe",
  schema: orderRefSchema,
  async handle(ctx, { orderId }): Promise<RoomResult> {
    await assertMayFollowOrder(requireUser(ctx), orderId);
    const room = rooms.order(orderId);
    sessionOf(ctx.socket).add(room);
    return { room };
  },
  ack: ({ room }): OrderRoomAck => ({ success: true, room }),
  ackError: (error): OrderRoomAck => ({ success: false, error }),
});
