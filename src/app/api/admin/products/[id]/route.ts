import { getAdminProduct, updateProduct, updateProductSchema } from "@/server/admin/admin-products";
import { requireAdmin } from "@/server/admin/require-admin";
import { json, readJson, route } from "@/server/http/route";

export const GET = route<{ id: string }>(async (_req, { params }) => {
  await requireAdmin();
  return json(await getAdminProduct(params.id));
});

/** Edit fields, or archive / restore with { status }. Stock moves only through /stock. */
export const PATCH = route<{ id: string }>(async (req, { params }) => {
  await requireAdmin();
  return json(await updateProduct(params.id, await readJson(req, updateProductSchema)));
});
