"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { OrderStatus } from "@/generated/prisma/enums";
import { ApiError, requestJson } from "@/components/cart/request-json";

const ACTION: Record<OrderStatus, string> = {
  PENDING: "Mark pending",
  PAID: "Mark paid",
  PROCESSING: "Start processing",
  SHIPPED: "Mark shipped",
  DELIVERED: "Mark delivered",
  CANCELLED: "Cancel order",
  REFUNDED: "Refund",
};

/** One button per transition the state machine allows from here; the server checks again. */
export function OrderStatusActions({ orderId, next, compact = false }: { orderId: string; next: OrderStatus[]; compact?: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState<OrderStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (next.length === 0) return <span className="text-sm text-cocoa-500">Final</span>;

  const go = async (status: OrderStatus) => {
    if (status === "CANCELLED" && !window.confirm("Cancel this order? Its items go back into stock.")) return;
    setBusy(status);
    setError(null);
    try {
      await requestJson(`/api/admin/orders/${orderId}/status`, { method: "POST", body: { status } });
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Could not change the status");
    } finally {
      setBusy(null);
    }
  };

  const size = compact ? "px-3 py-1.5 text-xs" : "";
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {next.map((status) => (
          <button
            key={status}
            type="button"
            disabled={busy !== null}
            onClick={() => void go(status)}
            data-action={status}
            className={`${status === "CANCELLED" || status === "REFUNDED" ? "btn border border-red-200 bg-white text-red-700 hover:bg-red-50" : "btn-primary"} ${size}`}
          >
            {busy === status ? "Saving…" : ACTION[status]}
          </button>
        ))}
      </div>
      {error ? (
        <p role="alert" className="max-w-xs text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
