import { adminOrderQuerySchema, listAdminOrders } from "@/server/admin/admin-orders";
import { requireRole } from "@/server/auth/session";
import { json, readQuery, route } from "@/server/http/route";

export const GET = route(async (req) => {
  await requireRole("ADMIN");
  return json(await listAdminOrders(readQuery(req, adminOrderQuerySchema)));
});
