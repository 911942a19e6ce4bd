import { listCategories } from "@/server/catalog/list-categories";
import { json, route } from "@/server/http/route";

export const GET = route(async () => json({ items: await listCategories() }));
