import { statusChangeSchema, transitionOrder } from "@/server/admin/admin-orders";
import { requireRole } from "@/server/auth/session";
import { json, readJson, route } from "@/server/http/route";

export const POST = route<{ id: string }>(async (req, { params }) => {
  const admin = await requireRole("ADMIN");
  return json(await transitionOrder(params.id, await readJson(req, statusChangeSchema), admin.sub));
});
