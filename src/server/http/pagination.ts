import { z } from "zod";

/** Every paginated list in the API answers with this shape. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  totalPages: number;
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int().describe("1-based"),
    pageSize: z.number().int(),
    total: z.number().int().describe("Items matching the query, on all pages"),
    totalPages: z.number().int().describe("At least 1, even when there are no items"),
  });
}

export const pageWindow = (page: number, pageSize: number) => ({ skip: (page - 1) * pageSize, take: pageSize });

export const totalPagesOf = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));
