import { z } from "zod";
import type { ApiOperation } from "@/server/http/openapi";
import { notificationPageSchema, unreadCountSchema } from "@/server/notifications/centre";
import { pageQuerySchema } from "@/server/orders/order-queries";

const readers = "The browser's identity from its session cookie (guest or account); a browser without one gets an empty centre.";

export const notificationsApi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/notifications",
    tag: "Notifications",
    summary: "The caller's notification centre, newest first",
    description: `${readers} Rows come from the caller's order events and from \`notification\` events, written in the same transaction as the event itself.`,
    access: "visitor",
    query: pageQuerySchema,
    responses: { 200: { description: "One page, with the unread count", schema: notificationPageSchema } },
  },
  {
    method: "get",
    path: "/api/notifications/unread-count",
    tag: "Notifications",
    summary: "How many of the caller's notifications are unread",
    description: readers,
    access: "visitor",
    responses: { 200: { description: "The count", schema: unreadCountSchema } },
  },
  {
    method: "post",
    path: "/api/notifications/{id}/read",
    tag: "Notifications",
    summary: "Mark one notification read",
    description: "Every other open tab and device of the caller hears `notification:message` with the new count.",
    access: "visitor",
    params: z.object({ id: z.string().describe("The notification's id") }),
    responses: {
      200: { description: "The new unread count", schema: unreadCountSchema },
      401: { description: "No session" },
      404: { description: "Not one of the caller's notifications" },
    },
  },
  {
    method: "post",
    path: "/api/notifications/read-all",
    tag: "Notifications",
    summary: "Mark all the caller's notifications read",
    description: "Every other open tab and device of the caller hears `notification:message`.",
    access: "visitor",
    responses: { 200: { description: "The new unread count (0)", schema: unreadCountSchema }, 401: { description: "No session" } },
  },
];
