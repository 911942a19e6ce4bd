import { db } from "@/server/db/client";
import { env, isPostgresUrl } from "@/server/env";
import type { CatalogQuery } from "@/server/catalog/catalog-query";
import { productOrderBy, productWhere } from "@/server/catalog/product-filter";
import { productViewSelect, toProductView, type ProductView } from "@/server/catalog/product-view";
import { pageWindow, totalPagesOf, type Page } from "@/server/http/pagination";

export async function listProducts(query: CatalogQuery): Promise<Page<ProductView>> {
  const where = productWhere(query, { caseInsensitiveMode: isPostgresUrl(env().DATABASE_URL) });
  const [total, rows] = await Promise.all([
    db().product.count({ where }),
    db().product.findMany({ where, orderBy: productOrderBy(query.sort), ...pageWindow(query.page, query.pageSize), select: productViewSelect }),
  ]);
  return { items: rows.map(toProductView), page: query.page, pageSize: query.pageSize, total, totalPages: totalPagesOf(total, query.pageSize) };
}
