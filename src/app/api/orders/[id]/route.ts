import { requireAccount } from "@/server/auth/session";
import { json, route } from "@/server/http/route";
import { getOwnOrder } from "@/server/orders/order-queries";

export const GET = route<{ id: string }>(async (_req, { params }) => json(await getOwnOrder((await requireAccount()).sub, params.id)));
