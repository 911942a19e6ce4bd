import { json, route } from "@/server/http/route";
import { markAllRead } from "@/server/notifications/centre";
import { requireVisitor } from "@/server/notifications/require-visitor";

export const POST = route(async () => json(await markAllRead((await requireVisitor()).sub)));
