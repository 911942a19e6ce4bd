"use client";

import { useEffect, useState } from "react";
import type { OrderStatus } from "@/generated/prisma/enums";
import { useNotificationEvent, useNotificationsSocket, type NotificationsPayload } from "@/realtime/use-notifications";

export interface LiveOrderStatus {
  status: OrderStatus;
  previousStatus: OrderStatus | null;
  at: string;
}

/**
 * Follows one order: joins `order:<id>` (again after every reconnect) and returns the status
 * changes heard since mount, oldest first. Changes missed while offline arrive through the
 * socket's replay, so the list has no holes.
 */
export function useOrderLive(orderId: string): LiveOrderStatus[] {
  const { socket, status } = useNotificationsSocket();
  const [heard, setHeard] = useState<{ orderId: string; changes: LiveOrderStatus[] }>({ orderId, changes: [] });
  const changes = heard.orderId === orderId ? heard.changes : [];

  useEffect(() => {
    if (status !== "connected") return;
    socket.emit("order:subscribe", { orderId }, () => undefined);
    return () => void socket.emit("order:unsubscribe", { orderId }, () => undefined);
  }, [socket, status, orderId]);

  const onChange = (p: NotificationsPayload<"order:updated"> | NotificationsPayload<"order:cancelled">) => {
    if (p.orderId !== orderId) return;
    setHeard((prev) => ({
      orderId,
      changes: [...(prev.orderId === orderId ? prev.changes : []), { status: p.status, previousStatus: p.previousStatus, at: p.timestamp }],
    }));
  };
  useNotificationEvent("order:updated", onChange);
  useNotificationEvent("order:cancelled", onChange);
  return changes;
}
