import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CheckoutForm } from "@/components/orders/checkout-form";
import { currentIdentity } from "@/server/auth/session";
import { getCart } from "@/server/cart/cart";

export const metadata: Metadata = { title: "Checkout" };

export default async function CheckoutPage() {
  const identity = await currentIdentity();
  // Orders belong to accounts: a guest signs in or registers first and keeps its cart.
  if (!identity || identity.role === "GUEST") redirect("/login?next=/checkout");
  const cart = await getCart(identity.sub);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="mb-6 text-2xl font-bold sm:text-3xl">Checkout</h1>
      {cart.items.length === 0 ? (
        <div className="card mx-auto flex max-w-lg flex-col items-center gap-4 px-6 py-14 text-center">
          <h2 className="text-xl font-bold">Nothing to check out</h2>
          <p className="text-cocoa-700">Your cart is empty.</p>
          <Link href="/" className="btn-primary">
            Browse the shop
          </Link>
        </div>
      ) : (
        <CheckoutForm cart={cart} customerName={identity.name} />
      )}
    </div>
  );
}
