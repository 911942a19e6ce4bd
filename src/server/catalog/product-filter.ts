import type { Prisma } from "@/generated/prisma/client";
import type { CatalogQuery, CatalogSort } from "@/server/catalog/catalog-query";

/**
 * SQLite's LIKE is already case-insensitive (for ASCII) and rejects `mode`; PostgreSQL needs
 * `mode: "insensitive"`. The SQLite client's types describe both, hence the cast.
 */
function contains(term: string, caseInsensitiveMode: boolean): Prisma.StringFilter {
  return (caseInsensitiveMode ? { contains: term, mode: "insensitive" } : { contains: term }) as Prisma.StringFilter;
}

/** Only active products are in the catalog; archived ones stay in orders but are not sold. */
export function productWhere(query: CatalogQuery, opts: { caseInsensitiveMode: boolean }): Prisma.ProductWhereInput {
  const and: Prisma.ProductWhereInput[] = [{ status: "ACTIVE" }];
  const q = query.q?.trim();
  if (q) {
    const match = contains(q, opts.caseInsensitiveMode);
    and.push({ OR: [{ name: match }, { description: match }, { sku: match }] });
  }
  if (query.category) and.push({ category: { slug: query.category } });
  if (query.minPrice !== undefined || query.maxPrice !== undefined) {
    and.push({ priceCents: { ...(query.minPrice !== undefined && { gte: query.minPrice }), ...(query.maxPrice !== undefined && { lte: query.maxPrice }) } });
  }
  if (query.inStock) and.push({ stock: { gt: 0 } });
  return { AND: and };
}

/** Every order ends with the id, so pages never repeat or skip a product when values tie. */
export function productOrderBy(sort: CatalogSort): Prisma.ProductOrderByWithRelationInput[] {
  const tieBreak = { id: "asc" } as const;
  switch (sort) {
    case "price-asc":
      return [{ priceCents: "asc" }, tieBreak];
    case "price-desc":
      return [{ priceCents: "desc" }, tieBreak];
    case "name":
      return [{ name: "asc" }, tieBreak];
    case "newest":
      return [{ createdAt: "desc" }, tieBreak];
  }
}
