import { statusChangeSchema, transitionOrder } from "@/server/admin/admin-orders";
import { requireAdmin } from "@/server/admin/require-admin";
import { json, readJson, route } from "@/server/http/route";

export const POST = route<{ id: string }>(async (req, { params }) => {
  const admin = await requireAdmin();
  return json(await transitionOrder(params.id, await readJson(req, statusChangeSchema), admin.sub));
});
