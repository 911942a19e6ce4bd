import { defineHandler } from "@/server/service/define-handler";
import { productRefSchema } from "@/realtime/live-stream";
import { requireJoined } from "../access";
import { live } from "../runtime";

/** Analytics only: counted in memory, written with the next batch. */
export default defineHandler({
  event: "product_click",
  schema: productRefSchema,
  handle(ctx, { showId, productId }) {
    requireJoined(ctx, showId);
    live().stats.count(showId, "productClicks");
    live().stats.product(showId, productId, "clicks");
    return {};
  },
});
