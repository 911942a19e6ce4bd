import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { orderStatusSchema } from "@/realtime/outbox-topics";
import { changeOrderStatus } from "@/server/orders/change-status";
import { pageOfOrders, pageQuerySchema } from "@/server/orders/order-queries";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2025-01-31");

export const adminOrderQuerySchema = pageQuerySchema
  .extend({
    status: orderStatusSchema.optional(),
    from: day.optional().describe("First day included (UTC), YYYY-MM-DD"),
    to: day.optional().describe("Last day included (UTC), YYYY-MM-DD"),
    customer: z.string().trim().max(100, "must be at most 100 characters").optional().describe("Part of the customer's name or email"),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "must not be before from" });
export type AdminOrderQuery = z.infer<typeof adminOrderQuerySchema>;

export const statusChangeSchema = z.object({
  status: orderStatusSchema,
  note: z.string().trim().max(300, "must be at most 300 characters").optional(),
});

export function adminOrderWhere(query: AdminOrderQuery): Prisma.OrderWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  if (query.from) createdAt.gte = new Date(`${query.from}T00:00:00.000Z`);
  if (query.to) createdAt.lt = new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + 86_400_000);
  return {
    ...(query.status ? { status: query.status } : {}),
    ...(query.from || query.to ? { createdAt } : {}),
    ...(query.customer ? { user: { OR: [{ name: { contains: query.customer } }, { email: { contains: query.customer.toLowerCase() } }] } } : {}),
  };
}

export const listAdminOrders = (query: AdminOrderQuery) => pageOfOrders(adminOrderWhere(query), query);

export const transitionOrder = (orderId: string, input: z.infer<typeof statusChangeSchema>, adminId: string) =>
  changeOrderStatus({ orderId, to: input.status, byUserId: adminId, note: input.note ?? null });
