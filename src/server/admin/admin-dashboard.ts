import { z } from "zod";
import { db } from "@/server/db/client";
import { listAdminProducts } from "@/server/admin/admin-products";
import { pageOfOrders } from "@/server/orders/order-queries";

export const dashboardSchema = z.object({
  ordersToday: z.number().int(),
  revenueTodayCents: z.number().int().describe("Orders placed today (UTC), cancelled and refunded ones left out"),
  toFulfil: z.number().int().describe("Orders paid or processing: waiting for the shop"),
  lowStockCount: z.number().int(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

const startOfUtcDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

export async function dashboardNumbers(now = new Date()): Promise<Dashboard> {
  const today = { gte: startOfUtcDay(now) };
  const [ordersToday, revenue, toFulfil, lowStock] = await Promise.all([
    db().order.count({ where: { createdAt: today } }),
    db().order.aggregate({ where: { createdAt: today, status: { notIn: ["CANCELLED", "REFUNDED"] } }, _sum: { totalCents: true } }),
    db().order.count({ where: { status: { in: ["PAID", "PROCESSING"] } } }),
    listAdminProducts({ page: 1, pageSize: 1, lowStock: true, status: "ACTIVE" }),
  ]);
  return { ordersToday, revenueTodayCents: revenue._sum.totalCents ?? 0, toFulfil, lowStockCount: lowStock.total };
}

export const recentOrders = (take = 6) => pageOfOrders({}, { page: 1, pageSize: take });
export const lowStockProducts = (take = 6) => listAdminProducts({ page: 1, pageSize: take, lowStock: true, status: "ACTIVE" });
