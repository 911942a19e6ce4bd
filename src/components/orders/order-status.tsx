import type { OrderStatus } from "@/generated/prisma/enums";

export const STATUS_LABEL: Record<OrderStatus, string> = {
  PENDING: "Pending",
  PAID: "Paid",
  PROCESSING: "Processing",
  SHIPPED: "Shipped",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
  REFUNDED: "Refunded",
};

const LOOK: Record<OrderStatus, string> = {
  PENDING: "bg-stone-100 text-stone-800 ring-stone-300",
  PAID: "bg-sky-50 text-sky-900 ring-sky-200",
  PROCESSING: "bg-amber-50 text-amber-900 ring-amber-200",
  SHIPPED: "bg-violet-50 text-violet-900 ring-violet-200",
  DELIVERED: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  CANCELLED: "bg-red-50 text-red-800 ring-red-200",
  REFUNDED: "bg-zinc-100 text-zinc-800 ring-zinc-300",
};

export function OrderStatusBadge({ status, className = "" }: { status: OrderStatus; className?: string }) {
  return (
    <span
      data-status={status}
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${LOOK[status]} ${className}`}
    >
      {STATUS_LABEL[status]}
    </span>
  );
}
