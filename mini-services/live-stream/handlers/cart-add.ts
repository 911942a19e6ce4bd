import { defineHandler } from "@/server/service/define-handler";
import { productRefSchema } from "@/realtime/live-stream";
import { requireJoined } from "../access";
import { live } from "../runtime";

/** Analytics only: the page added to the cart through the cart API and reports it here. */
export default defineHandler({
  event: "cart_add",
  schema: productRefSchema,
  handle(ctx, { showId, productId }) {
    requireJoined(ctx, showId);
    live().stats.count(showId, "cartAdds");
    live().stats.product(showId, productId, "cartAdds");
    return {};
  },
});
