import { requireAccount } from "@/server/auth/session";
import { json, route } from "@/server/http/route";
import { cancelOwnOrder } from "@/server/orders/change-status";

export const POST = route<{ id: string }>(async (_req, { params }) => json(await cancelOwnOrder((await requireAccount()).sub, params.id)));
