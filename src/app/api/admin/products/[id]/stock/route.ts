import { adjustProductStock, listStockAdjustments, stockAdjustmentSchema } from "@/server/admin/admin-products";
import { requireAdmin } from "@/server/admin/require-admin";
import { json, readJson, route } from "@/server/http/route";

export const GET = route<{ id: string }>(async (_req, { params }) => {
  await requireAdmin();
  return json({ items: await listStockAdjustments(params.id) });
});

export const POST = route<{ id: string }>(async (req, { params }) => {
  const admin = await requireAdmin();
  return json(await adjustProductStock(params.id, await readJson(req, stockAdjustmentSchema), admin.sub));
});
