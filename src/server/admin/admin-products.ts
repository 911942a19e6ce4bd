import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { productImagePath } from "@/server/catalog/product-art";
import { productViewSchema, productViewSelect } from "@/server/catalog/product-view";
import { db, type Tx } from "@/server/db/client";
import { transact } from "@/server/db/transact";
import { AppError } from "@/server/errors";
import { pageSchema, pageWindow, totalPagesOf, type Page } from "@/server/http/pagination";
import { adjustStock } from "@/server/inventory/stock";
import { writeOutbox } from "@/server/outbox/write-outbox";
import { nudgeNotifications } from "@/server/outbox/nudge";
import { pageQuerySchema } from "@/server/orders/order-queries";

const wholeNumber = { error: "must be a whole number" } as const;
const int = (min: number, max: number) => z.number(wholeNumber).int(wholeNumber.error).min(min, `must be ${min} or more`).max(max, `must be at most ${max}`);
const text = (max: number) => z.string().trim().min(1, "is required").max(max, `must be at most ${max} characters`);

export const productStatuses = ["ACTIVE", "ARCHIVED"] as const;

const productFields = {
  name: text(120),
  description: z.string().trim().max(2000, "must be at most 2000 characters"),
  priceCents: int(0, 10_000_000).describe("Price in integer cents"),
  lowStockThreshold: int(0, 100_000).describe("Admins are alerted when stock falls to this or below"),
  imageUrl: z
    .string()
    .trim()
    .max(500)
    .regex(/^(\/|https:\/\/)/, "must be a path starting with / or an https:// URL"),
  categoryId: z.string().min(1, "is required"),
};

export const createProductSchema = z.object({
  sku: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{2,31}$/, "must be 3 to 32 letters, digits or dashes"),
  ...productFields,
  description: productFields.description.default(""),
  lowStockThreshold: productFields.lowStockThreshold.default(5),
  imageUrl: productFields.imageUrl.optional().describe("Defaults to the generated picture"),
  stock: int(0, 1_000_000).default(0).describe("Initial stock"),
});

export const updateProductSchema = z
  .object({ ...productFields, status: z.enum(productStatuses, { error: "must be ACTIVE or ARCHIVED" }) })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, "Nothing to change");

export const stockAdjustmentSchema = z.object({
  delta: int(-1_000_000, 1_000_000)
    .refine((d) => d !== 0, "must not be 0")
    .describe("Units to add (positive) or remove (negative)"),
  reason: text(200),
});

export const adminProductQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  status: z.enum(productStatuses).optional(),
  lowStock: z.stringbool({ error: "must be true or false" }).optional(),
});

export const adminProductSchema = productViewSchema.extend({
  status: z.enum(productStatuses),
  updatedAt: z.string(),
  isLowStock: z.boolean(),
});
export type AdminProduct = z.infer<typeof adminProductSchema>;
export const adminProductPageSchema = pageSchema(adminProductSchema);

const adminSelect = { ...productViewSelect, status: true, updatedAt: true } satisfies Prisma.ProductSelect;
type AdminRow = Prisma.ProductGetPayload<{ select: typeof adminSelect }>;

const toAdminProduct = (row: AdminRow): AdminProduct => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  isLowStock: row.stock <= row.lowStockThreshold,
});

const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60) || "product";

export async function listAdminProducts(query: z.infer<typeof adminProductQuerySchema>): Promise<Page<AdminProduct>> {
  const where: Prisma.ProductWhereInput = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.q ? { OR: [{ name: { contains: query.q } }, { sku: { contains: query.q.toUpperCase() } }] } : {}),
  };
  // "stock <= its own threshold" compares two columns, which Prisma's where cannot express:
  // filter in memory, the catalogue of one shop is small enough.
  if (query.lowStock) {
    const rows = (await db().product.findMany({ where, select: adminSelect, orderBy: { stock: "asc" } })).filter((r) => r.stock <= r.lowStockThreshold);
    const window = pageWindow(query.page, query.pageSize);
    return {
      items: rows.slice(window.skip, window.skip + window.take).map(toAdminProduct),
      page: query.page,
      pageSize: query.pageSize,
      total: rows.length,
      totalPages: totalPagesOf(rows.length, query.pageSize),
    };
  }
  const [total, rows] = await Promise.all([
    db().product.count({ where }),
    db().product.findMany({ where, select: adminSelect, orderBy: [{ status: "asc" }, { name: "asc" }], ...pageWindow(query.page, query.pageSize) }),
  ]);
  return { items: rows.map(toAdminProduct), page: query.page, pageSize: query.pageSize, total, totalPages: totalPagesOf(total, query.pageSize) };
}

export async function getAdminProduct(id: string): Promise<AdminProduct> {
  const row = await db().product.findUnique({ where: { id }, select: adminSelect });
  if (!row) throw new AppError("NOT_FOUND", "This product does not exist");
  return toAdminProduct(row);
}

async function announce(tx: Tx, topic: "product.created" | "product.updated", row: AdminRow): Promise<void> {
  const payload = { productId: row.id, sku: row.sku, name: row.name, priceCents: row.priceCents, stock: row.stock };
  const scope = { productId: row.id, everyone: true, admin: true };
  if (topic === "product.created") await writeOutbox(tx, topic, payload, scope);
  else await writeOutbox(tx, topic, { ...payload, status: row.status }, scope);
}

async function requireCategory(tx: Tx, categoryId: string): Promise<void> {
  if (!(await tx.category.findUnique({ where: { id: categoryId }, select: { id: true } }))) {
    throw new AppError("VALIDATION", "categoryId: no such category", "categoryId");
  }
}

export async function createProduct(input: z.infer<typeof createProductSchema>): Promise<AdminProduct> {
  const product = await transact(async (tx) => {
    await requireCategory(tx, input.categoryId);
    if (await tx.product.findUnique({ where: { sku: input.sku }, select: { id: true } })) {
      throw new AppError("CONFLICT", `sku: ${input.sku} is already used by another product`, "sku");
    }
    const base = slugify(input.name);
    const taken = await tx.product.count({ where: { slug: { startsWith: base } } });
    const slug = taken === 0 ? base : `${base}-${input.sku.toLowerCase()}`;
    const row = await tx.product.create({
      data: { ...input, slug, imageUrl: input.imageUrl ?? productImagePath(slug) },
      select: adminSelect,
    });
    await announce(tx, "product.created", row);
    return row;
  });
  nudgeNotifications();
  return toAdminProduct(product);
}

/** Edits everything but stock, which only moves through adjustments (with a reason) and orders. */
export async function updateProduct(id: string, patch: z.infer<typeof updateProductSchema>): Promise<AdminProduct> {
  const product = await transact(async (tx) => {
    if (!(await tx.product.findUnique({ where: { id }, select: { id: true } }))) throw new AppError("NOT_FOUND", "This product does not exist");
    if (patch.categoryId) await requireCategory(tx, patch.categoryId);
    const row = await tx.product.update({ where: { id }, data: patch, select: adminSelect });
    await announce(tx, "product.updated", row);
    return row;
  });
  nudgeNotifications();
  return toAdminProduct(product);
}

export async function adjustProductStock(id: string, input: z.infer<typeof stockAdjustmentSchema>, adminId: string): Promise<AdminProduct> {
  const product = await transact(async (tx) => {
    await adjustStock(tx, { productId: id, delta: input.delta, reason: input.reason, userId: adminId });
    return tx.product.findUniqueOrThrow({ where: { id }, select: adminSelect });
  });
  nudgeNotifications();
  return toAdminProduct(product);
}

export const stockAdjustmentViewSchema = z.object({
  id: z.string(),
  delta: z.number().int(),
  reason: z.string(),
  previousStock: z.number().int(),
  stock: z.number().int(),
  by: z.string().nullable(),
  createdAt: z.string(),
});
export type StockAdjustmentView = z.infer<typeof stockAdjustmentViewSchema>;

export async function listStockAdjustments(productId: string, take = 10): Promise<StockAdjustmentView[]> {
  const rows = await db().stockAdjustment.findMany({
    where: { productId },
    orderBy: { createdAt: "desc" },
    take,
    include: { user: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    delta: r.delta,
    reason: r.reason,
    previousStock: r.previousStock,
    stock: r.stock,
    by: r.user?.name ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}
