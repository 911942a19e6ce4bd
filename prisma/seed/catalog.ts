import type { Db } from "@/server/db/client";
import { productImagePath } from "@/server/catalog/product-art";
import { categories, products } from "./catalog-data";

export const slugify = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Upserts the demo catalog. Re-running refreshes names, prices and descriptions but leaves
 * stock alone, so seeding again never undoes what orders and admins did.
 */
export async function seedCatalog(db: Db): Promise<void> {
  const categoryIds = new Map<string, string>();
  for (const c of categories) {
    const row = await db.category.upsert({ where: { slug: c.slug }, create: c, update: { name: c.name } });
    categoryIds.set(c.slug, row.id);
  }
  // Spread over the past weeks so "newest" has a visible order.
  const now = Date.now();
  for (const [index, p] of products.entries()) {
    const slug = slugify(p.name);
    const fields = {
      slug,
      name: p.name,
      description: p.description,
      priceCents: p.priceCents,
      lowStockThreshold: p.lowStockThreshold ?? 5,
      imageUrl: productImagePath(slug),
      categoryId: categoryIds.get(p.category)!,
    };
    await db.product.upsert({
      where: { sku: p.sku },
      create: { sku: p.sku, ...fields, stock: p.stock, createdAt: new Date(now - ((products.length - index) * DAY_MS) / 2) },
      update: fields,
    });
  }
  console.log(`seed: ${categories.length} categories, ${products.length} products`);
}
