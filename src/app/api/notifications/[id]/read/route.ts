import { json, route } from "@/server/http/route";
import { markRead } from "@/server/notifications/centre";
import { requireVisitor } from "@/server/notifications/require-visitor";

export const POST = route<{ id: string }>(async (_req, { params }) => json(await markRead((await requireVisitor()).sub, params.id)));
