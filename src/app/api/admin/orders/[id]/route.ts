import { requireRole } from "@/server/auth/session";
import { json, route } from "@/server/http/route";
import { getAnyOrder } from "@/server/orders/order-queries";

export const GET = route<{ id: string }>(async (_req, { params }) => {
  await requireRole("ADMIN");
  return json(await getAnyOrder(params.id));
});
