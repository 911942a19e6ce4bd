import type { Metadata } from "next";
import { CartView } from "@/components/cart/cart-view";
import { currentIdentity } from "@/server/auth/session";
import { getCart, type Cart } from "@/server/cart/cart";

export const metadata: Metadata = { title: "Your cart" };

const EMPTY: Cart = { items: [], count: 0, subtotalCents: 0, shippingCents: 0, totalCents: 0 };

export default async function CartPage() {
  // A browser without an identity yet has nothing in its cart; the badge's request creates one.
  const identity = await currentIdentity();
  const cart = identity ? await getCart(identity.sub) : EMPTY;
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="mb-6 text-2xl font-bold sm:text-3xl">Your cart</h1>
      <CartView initialCart={cart} />
    </div>
  );
}
