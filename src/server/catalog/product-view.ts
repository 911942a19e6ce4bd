import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";

export const categoryViewSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
});

/** A product as the API and the pages show it (money in integer cents). */
export const productViewSchema = z.object({
  id: z.string(),
  sku: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  priceCents: z.number().int(),
  stock: z.number().int(),
  lowStockThreshold: z.number().int(),
  imageUrl: z.string(),
  category: categoryViewSchema,
  createdAt: z.string().describe("ISO 8601"),
});
export type ProductView = z.infer<typeof productViewSchema>;
export type CategoryView = z.infer<typeof categoryViewSchema>;

export const productViewSelect = {
  id: true,
  sku: true,
  slug: true,
  name: true,
  description: true,
  priceCents: true,
  stock: true,
  lowStockThreshold: true,
  imageUrl: true,
  createdAt: true,
  category: { select: { id: true, slug: true, name: true } },
} satisfies Prisma.ProductSelect;

type ProductRow = Prisma.ProductGetPayload<{ select: typeof productViewSelect }>;

export const toProductView = (row: ProductRow): ProductView => ({ ...row, createdAt: row.createdAt.toISOString() });
