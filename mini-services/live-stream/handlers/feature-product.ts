import { db } from "@/server/db/client";
import { setFeaturedProduct } from "@/server/live/chat";
import { productCardSelect, toProductCard } from "@/server/live/views";
import { defineHandler } from "@/server/service/define-handler";
import { featureProductSchema, showRoom, type ProductCard } from "@/realtime/live-stream";
import { asHost } from "../access";
import { broadcast } from "../broadcast";
import { live } from "../runtime";

/** Puts one of the show's products on every viewer's screen (null takes it down). */
export default defineHandler({
  event: "feature_product",
  schema: featureProductSchema,
  async handle(ctx, { showId, productId }): Promise<{ product: ProductCard | null }> {
    await asHost(ctx, showId);
    const { shows, stats, audience } = live();
    await setFeaturedProduct(showId, productId);
    shows.invalidate(showId);
    const row = productId ? await db().product.findUnique({ where: { id: productId }, select: productCardSelect }) : null;
    const product = row ? toProductCard(row) : null;
    broadcast(ctx, showRoom(showId), "product_featured", { showId, product });
    // Everyone watching now has seen it: the top of the product's funnel.
    if (product) stats.product(showId, product.id, "views", audience.count(showId));
    return { product };
  },
});
