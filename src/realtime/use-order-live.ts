"use client";

import type { OrderStatus } from "@/generated/prisma/enums";

export interface LiveOrderStatus {
  status: OrderStatus;
  previousStatus: OrderStatus | null;
  at: string;
}

/**
 * Placeholder owned by the notifications work (issue 6): subscribes to `order:<id>` and returns
 * the status changes heard since mount (newest last).
 */
export function useOrderLive(orderId: string): LiveOrderStatus[] {
  void orderId;
  return [];
}
