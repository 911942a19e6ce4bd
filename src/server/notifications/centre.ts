import { z } from "zod";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { pageSchema, pageWindow, totalPagesOf } from "@/server/http/pagination";
import type { PageQuery } from "@/server/orders/order-queries";
import { postToNotifications } from "@/server/outbox/nudge";

export const notificationItemSchema = z.object({
  id: z.string(),
  kind: z.string().describe("order, test, show-live, …"),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable().describe("A path on this site"),
  read: z.boolean(),
  createdAt: z.string().describe("ISO 8601"),
});
export type NotificationItem = z.infer<typeof notificationItemSchema>;

export const unreadCountSchema = z.object({ unreadCount: z.number().int().describe("Unread notifications of the caller, counted by the server") });
export const notificationPageSchema = pageSchema(notificationItemSchema).extend(unreadCountSchema.shape);
export type NotificationPage = z.infer<typeof notificationPageSchema>;

const itemSelect = { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true } as const;

/** The caller's notifications, newest first, with the unread count every device shows. */
export async function listNotifications(userId: string, { page, pageSize }: PageQuery): Promise<NotificationPage> {
  const where = { userId };
  const [rows, total, unread] = await Promise.all([
    db().notification.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: itemSelect, ...pageWindow(page, pageSize) }),
    db().notification.count({ where }),
    unreadCount(userId),
  ]);
  const items = rows.map(({ readAt, createdAt, ...row }) => ({ ...row, read: readAt !== null, createdAt: createdAt.toISOString() }));
  return { items, page, pageSize, total, totalPages: totalPagesOf(total, pageSize), unreadCount: unread };
}

export const emptyNotificationPage = ({ page, pageSize }: PageQuery): NotificationPage => ({
  items: [],
  page,
  pageSize,
  total: 0,
  totalPages: 1,
  unreadCount: 0,
});

export function unreadCount(userId: string): Promise<number> {
  return db().notification.count({ where: { userId, readAt: null } });
}

/** Marks one of the caller's notifications read (again is fine) and tells their other devices. */
export async function markRead(userId: string, id: string): Promise<{ unreadCount: number }> {
  const owned = await db().notification.findFirst({ where: { id, userId }, select: { readAt: true } });
  if (!owned) throw new AppError("NOT_FOUND", "No such notification");
  if (!owned.readAt) await db().notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: new Date() } });
  return syncDevices(userId, [id]);
}

export async function markAllRead(userId: string): Promise<{ unreadCount: number }> {
  await db().notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return syncDevices(userId, "all");
}

/** Every open tab and device of the user follows the read marks at once (through the service). */
async function syncDevices(userId: string, ids: string[] | "all"): Promise<{ unreadCount: number }> {
  const count = await unreadCount(userId);
  postToNotifications("/internal/notifications/read", { userId, kind: "read", ids, unreadCount: count });
  return { unreadCount: count };
}
