import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { OrderDetail } from "@/components/orders/order-detail";
import { currentIdentity } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { getOwnOrder } from "@/server/orders/order-queries";

export const metadata: Metadata = { title: "Order" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrderPage({ params, searchParams }: Props) {
  const { id } = await params;
  const identity = await currentIdentity();
  if (!identity || identity.role === "GUEST") redirect(`/login?next=${encodeURIComponent(`/orders/${id}`)}`);
  // Someone else's order is simply not found: its existence is not revealed.
  const order = await getOwnOrder(identity.sub, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { placed } = await searchParams;
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/orders" className="font-medium text-cocoa-700 hover:text-ember-700">
          ← All orders
        </Link>
      </nav>
      <OrderDetail order={order} justPlaced={placed === "1"} />
    </div>
  );
}
