import type { Metadata } from "next";
import { NotificationHistory } from "@/components/notifications/notification-history";
import { NOTIFICATION_PAGE_SIZE } from "@/realtime/notifications";
import { currentIdentity } from "@/server/auth/session";
import { emptyNotificationPage, listNotifications } from "@/server/notifications/centre";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const identity = await currentIdentity();
  const first = { page: 1, pageSize: NOTIFICATION_PAGE_SIZE };
  const initial = identity ? await listNotifications(identity.sub, first) : emptyNotificationPage(first);
  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-bold sm:text-3xl">Notifications</h1>
      <p className="mt-1 text-cocoa-700">Your orders and messages for you, newest first. This page updates by itself.</p>
      <NotificationHistory initial={initial} />
    </div>
  );
}
