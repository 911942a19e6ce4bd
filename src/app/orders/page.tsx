import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Pagination } from "@/components/catalog/pagination";
import { OrderList } from "@/components/orders/order-list";
import { currentIdentity } from "@/server/auth/session";
import { listOwnOrders, pageQuerySchema } from "@/server/orders/order-queries";

export const metadata: Metadata = { title: "Your orders" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OrdersPage({ searchParams }: { searchParams: SearchParams }) {
  const identity = await currentIdentity();
  if (!identity || identity.role === "GUEST") redirect("/login?next=/orders");
  const { page } = await searchParams;
  const paging = pageQuerySchema.safeParse({ page: typeof page === "string" ? page : undefined, pageSize: 10 });
  const result = await listOwnOrders(identity.sub, paging.success ? paging.data : { page: 1, pageSize: 10 });
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <h1 className="mb-6 text-2xl font-bold sm:text-3xl">Your orders</h1>
      {result.total === 0 ? (
        <div className="card flex flex-col items-center gap-4 px-6 py-14 text-center">
          <h2 className="text-xl font-bold">No orders yet</h2>
          <p className="text-cocoa-700">When you buy something, you can follow it here.</p>
          <Link href="/" className="btn-primary">
            Start shopping
          </Link>
        </div>
      ) : (
        <>
          <OrderList orders={result.items} />
          <Pagination page={result.page} totalPages={result.totalPages} href={(p) => (p === 1 ? "/orders" : `/orders?page=${p}`)} />
        </>
      )}
    </div>
  );
}
