import { requireAdmin } from "@/server/admin/require-admin";
import { json, route } from "@/server/http/route";
import { getAnyOrder } from "@/server/orders/order-queries";

export const GET = route<{ id: string }>(async (_req, { params }) => {
  await requireAdmin();
  return json(await getAnyOrder(params.id));
});
