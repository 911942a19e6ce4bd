import { getProduct } from "@/server/catalog/get-product";
import { json, route } from "@/server/http/route";

export const GET = route<{ idOrSlug: string }>(async (_req, { params }) => json({ product: await getProduct(params.idOrSlug) }));
