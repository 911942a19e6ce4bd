import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { productViewSelect, toProductView, type ProductView } from "@/server/catalog/product-view";

/** An active product by id or slug (the API accepts either), or NOT_FOUND. */
export async function getProduct(idOrSlug: string): Promise<ProductView> {
  const row = await db().product.findFirst({
    where: { status: "ACTIVE", OR: [{ id: idOrSlug }, { slug: idOrSlug }] },
    select: productViewSelect,
  });
  if (!row) throw new AppError("NOT_FOUND", "No such product");
  return toProductView(row);
}
