import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { orderStatusSchema } from "@/realtime/outbox-topics";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { pageSchema, pageWindow, totalPagesOf, type Page } from "@/server/http/pagination";
import { orderInclude, toOrderView, type OrderView } from "@/server/orders/order-view";

const wholeNumber = { error: "must be a whole number" } as const;
export const pageQuerySchema = z.object({
  page: z.coerce.number(wholeNumber).int(wholeNumber.error).min(1, "must be 1 or more").max(10_000, "is too large").default(1),
  pageSize: z.coerce.number(wholeNumber).int(wholeNumber.error).min(1, "must be 1 or more").max(100, "must be at most 100").default(20),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export const orderSummarySchema = z.object({
  id: z.string(),
  number: z.number().int(),
  status: orderStatusSchema,
  totalCents: z.number().int(),
  itemCount: z.number().int(),
  /** Names of the first few lines, for a list row. */
  preview: z.array(z.string()),
  lineCount: z.number().int(),
  imageUrl: z.string().nullable(),
  customer: z.object({ name: z.string(), email: z.string().nullable() }),
  createdAt: z.string(),
  statusChangedAt: z.string(),
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;

export const orderPageSchema = pageSchema(orderSummarySchema);

const summaryInclude = {
  items: { select: { name: true, quantity: true, product: { select: { imageUrl: true } } } },
  user: { select: { name: true, email: true } },
} as const satisfies Prisma.OrderInclude;

/** One page of orders, newest first; shared by the shopper's list and the admin's. */
export async function pageOfOrders(where: Prisma.OrderWhereInput, paging: PageQuery): Promise<Page<OrderSummary>> {
  const [rows, total] = await Promise.all([
    db().order.findMany({
      where,
      include: summaryInclude,
      orderBy: [{ createdAt: "desc" }, { number: "desc" }],
      ...pageWindow(paging.page, paging.pageSize),
    }),
    db().order.count({ where }),
  ]);
  return {
    items: rows.map((order) => ({
      id: order.id,
      number: order.number,
      status: order.status,
      totalCents: order.totalCents,
      itemCount: order.items.reduce((sum, item) => sum + item.quantity, 0),
      preview: order.items.slice(0, 3).map((item) => item.name),
      lineCount: order.items.length,
      imageUrl: order.items[0]?.product.imageUrl ?? null,
      customer: { name: order.user.name, email: order.user.email },
      createdAt: order.createdAt.toISOString(),
      statusChangedAt: order.statusChangedAt.toISOString(),
    })),
    page: paging.page,
    pageSize: paging.pageSize,
    total,
    totalPages: totalPagesOf(total, paging.pageSize),
  };
}

export const listOwnOrders = (userId: string, paging: PageQuery) => pageOfOrders({ userId }, paging);

/** Someone else's order is "not found", not "forbidden": its existence is not revealed. */
export async function getOwnOrder(userId: string, orderId: string): Promise<OrderView> {
  const order = await db().order.findFirst({ where: { id: orderId, userId }, include: orderInclude });
  if (!order) throw new AppError("NOT_FOUND", "This order does not exist");
  return toOrderView(order);
}

export async function getAnyOrder(orderId: string): Promise<OrderView> {
  const order = await db().order.findUnique({ where: { id: orderId }, include: orderInclude });
  if (!order) throw new AppError("NOT_FOUND", "This order does not exist");
  return toOrderView(order);
}
