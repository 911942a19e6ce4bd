import { adminProductQuerySchema, createProduct, createProductSchema, listAdminProducts } from "@/server/admin/admin-products";
import { requireAdmin } from "@/server/admin/require-admin";
import { json, readJson, readQuery, route } from "@/server/http/route";

export const GET = route(async (req) => {
  await requireAdmin();
  return json(await listAdminProducts(readQuery(req, adminProductQuerySchema)));
});

export const POST = route(async (req) => {
  await requireAdmin();
  return json(await createProduct(await readJson(req, createProductSchema)), 201);
});
