import { apiDocument } from "@/server/http/api-document";
import { json, route } from "@/server/http/route";

export const GET = route(async () => json(apiDocument(), { headers: { "cache-control": "public, max-age=300" } }));
