import { z } from "zod";
import { catalogQuerySchema } from "@/server/catalog/catalog-query";
import { categoryWithCountSchema } from "@/server/catalog/list-categories";
import { productViewSchema } from "@/server/catalog/product-view";
import type { ApiOperation } from "@/server/http/openapi";
import { pageSchema } from "@/server/http/pagination";

export const catalogApi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/products",
    tag: "Catalog",
    summary: "List active products",
    description: "Search, filter, sort and paginate. Blank parameters are ignored; an invalid one is a 400 naming it.",
    access: "public",
    query: catalogQuerySchema,
    responses: {
      200: { description: "One page of products", schema: pageSchema(productViewSchema) },
      400: { description: "A query parameter is invalid; `field` names it" },
    },
  },
  {
    method: "get",
    path: "/api/products/{idOrSlug}",
    tag: "Catalog",
    summary: "One active product, by id or slug",
    access: "public",
    params: z.object({ idOrSlug: z.string().describe("The product's id or its slug") }),
    responses: {
      200: { description: "The product", schema: z.object({ product: productViewSchema }) },
      404: { description: "No active product has this id or slug" },
    },
  },
  {
    method: "get",
    path: "/api/categories",
    tag: "Catalog",
    summary: "All categories with their number of active products",
    access: "public",
    responses: { 200: { description: "Categories by name", schema: z.object({ items: z.array(categoryWithCountSchema) }) } },
  },
];
