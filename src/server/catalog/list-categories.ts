import { z } from "zod";
import { db } from "@/server/db/client";
import { categoryViewSchema } from "@/server/catalog/product-view";

export const categoryWithCountSchema = categoryViewSchema.extend({
  productCount: z.number().int().describe("Active products in the category"),
});
export type CategoryWithCount = z.infer<typeof categoryWithCountSchema>;

export async function listCategories(): Promise<CategoryWithCount[]> {
  const rows = await db().category.findMany({
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, _count: { select: { products: { where: { status: "ACTIVE" } } } } },
  });
  return rows.map(({ _count, ...category }) => ({ ...category, productCount: _count.products }));
}
