import { noPayloadSchema, rooms, type RoomResult } from "@/realtime/notifications";
import { defineHandler, requireRole } from "@/server/service/define-handler";
import { sessionOf } from "../sessions";

/** Admins join the admin room at connect (so it is in their replay scope); this confirms it. */
export const subscribeAdmin = defineHandler({
  event: "subscribe:admin",
  schema: noPayloadSchema,
  handle(ctx): RoomResult {
    requireRole(ctx, "ADMIN");
    sessionOf(ctx.socket).add(rooms.admin);
    return { room: rooms.admin };
  },
});
