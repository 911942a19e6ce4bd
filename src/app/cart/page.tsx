import type { Metadata } from "next";
import { CartView } from "@/components/cart/cart-view";
import { currentIdentity } from "@/server/auth/session";
import { emptyCart, getCart } from "@/server/cart/cart";

export const metadata: Metadata = { title: "Your cart" };

export default async function CartPage() {
  // A browser without an identity yet has nothing in its cart.
  const identity = await currentIdentity();
  const cart = identity ? await getCart(identity.sub) : emptyCart();
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="mb-6 text-2xl font-bold sm:text-3xl">Your cart</h1>
      <CartView initialCart={cart} />
    </div>
  );
}
