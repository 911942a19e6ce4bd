import type { NextRequest } from "next/server";
import { catalogQuerySchema, normalizeParams } from "@/server/catalog/catalog-query";
import { listProducts } from "@/server/catalog/list-products";
import { json, route } from "@/server/http/route";

export const GET = route(async (req: NextRequest) => json(await listProducts(catalogQuerySchema.parse(normalizeParams(req.nextUrl.searchParams)))));
