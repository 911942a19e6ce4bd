import { adminProductQuerySchema, createProduct, createProductSchema, listAdminProducts } from "@/server/admin/admin-products";
import { requireRole } from "@/server/auth/session";
import { json, readJson, readQuery, route } from "@/server/http/route";

export const GET = route(async (req) => {
  await requireRole("ADMIN");
  return json(await listAdminProducts(readQuery(req, adminProductQuerySchema)));
});

export const POST = route(async (req) => {
  await requireRole("ADMIN");
  return json(await createProduct(await readJson(req, createProductSchema)), 201);
});
