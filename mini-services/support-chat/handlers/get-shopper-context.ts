import { sessionRefSchema, type ShopperContext } from "@/realtime/support-chat";
import { defineHandler } from "@/server/service/define-handler";
import { shopperContext } from "@/server/support/shopper-context";
import { authorizeStaff } from "../socket-state";

export default defineHandler({
  event: "get_shopper_context",
  schema: sessionRefSchema,
  async handle(ctx, { sessionId }): Promise<ShopperContext> {
    const { session } = await authorizeStaff(ctx, sessionId);
    return shopperContext(session.shopperId);
  },
});
