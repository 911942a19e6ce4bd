import { adminOrderQuerySchema, listAdminOrders } from "@/server/admin/admin-orders";
import { requireAdmin } from "@/server/admin/require-admin";
import { json, readQuery, route } from "@/server/http/route";

export const GET = route(async (req) => {
  await requireAdmin();
  return json(await listAdminOrders(readQuery(req, adminOrderQuerySchema)));
});
