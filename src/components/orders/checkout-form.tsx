"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { announceCartChanged } from "@/components/cart/cart-client";
import { CartSummary } from "@/components/cart/cart-summary";
import { ReservationCountdown } from "@/components/cart/reservation-countdown";
import { ApiError, requestJson } from "@/components/cart/request-json";
import { FormField } from "@/components/orders/form-field";
import { newIdempotencyKey } from "@/components/orders/idempotency-key";
import { formatMoney } from "@/lib/money";
import type { Cart } from "@/server/cart/cart";
import { checkoutSchema } from "@/server/checkout/checkout-schema";
import type { OrderView } from "@/server/orders/order-view";

const COUNTRIES: [string, string][] = [
  ["US", "United States"],
  ["CA", "Canada"],
  ["GB", "United Kingdom"],
  ["IE", "Ireland"],
  ["FR", "France"],
  ["DE", "Germany"],
  ["ES", "Spain"],
  ["IT", "Italy"],
  ["NL", "Netherlands"],
  ["BE", "Belgium"],
  ["PT", "Portugal"],
  ["AU", "Australia"],
  ["NZ", "New Zealand"],
  ["JP", "Japan"],
];

type Errors = Record<string, string>;

/** Field paths as the API names them, in the order of the form (the first error gets focus). */
const FIELD_ORDER = [
  "shippingAddress.fullName",
  "shippingAddress.line1",
  "shippingAddress.line2",
  "shippingAddress.city",
  "shippingAddress.region",
  "shippingAddress.postalCode",
  "shippingAddress.country",
  "shippingAddress.phone",
  "payment.cardNumber",
  "payment.expiry",
  "payment.cvc",
];

function bodyOf(form: HTMLFormElement) {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? "");
  return {
    shippingAddress: {
      fullName: value("shippingAddress.fullName"),
      line1: value("shippingAddress.line1"),
      line2: value("shippingAddress.line2"),
      city: value("shippingAddress.city"),
      region: value("shippingAddress.region"),
      postalCode: value("shippingAddress.postalCode"),
      country: value("shippingAddress.country"),
      phone: value("shippingAddress.phone"),
    },
    payment: { cardNumber: value("payment.cardNumber"), expiry: value("payment.expiry"), cvc: value("payment.cvc") },
  };
}

export function CheckoutForm({ cart, customerName }: { cart: Cart; customerName: string }) {
  const router = useRouter();
  const banner = useRef<HTMLDivElement>(null);
  // One key for this checkout: a double click or a retry after a lost response replays the same order.
  const [key] = useState(newIdempotencyKey);
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<{ message: string; toCart: boolean } | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const focusFirst = (found: Errors) => {
    const first = FIELD_ORDER.find((name) => found[name]);
    if (first) document.getElementById(`field-${first}`)?.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    setProblem(null);
    const body = bodyOf(event.currentTarget);
    const parsed = checkoutSchema.safeParse(body);
    if (!parsed.success) {
      const found: Errors = {};
      for (const issue of parsed.error.issues) found[issue.path.join(".")] ??= issue.message;
      setErrors(found);
      focusFirst(found);
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      const order = await requestJson<OrderView>("/api/orders", { method: "POST", body, headers: { "Idempotency-Key": key } });
      announceCartChanged();
      router.push(`/orders/${order.id}?placed=1`);
    } catch (error) {
      setSubmitting(false);
      const api = error instanceof ApiError ? error : new ApiError(0, "INTERNAL", "Something went wrong; your order was not placed.");
      if (api.field && FIELD_ORDER.includes(api.field)) {
        const found = { [api.field]: api.message };
        setErrors(found);
        if (api.code !== "PAYMENT_DECLINED") return focusFirst(found);
      }
      const toCart = api.code === "OUT_OF_STOCK" || api.field === "cart";
      setProblem({ message: api.message, toCart });
      // The cart changed on the server (stock, an expired reservation): show the current one.
      if (toCart) {
        announceCartChanged();
        router.refresh();
      }
      requestAnimationFrame(() => banner.current?.focus());
    }
  };

  const err = (name: string) => errors[name];
  return (
    <form noValidate onSubmit={submit} className="grid gap-6 lg:grid-cols-[1fr_22rem] lg:items-start" aria-busy={submitting}>
      <div className="flex flex-col gap-6">
        {problem ? (
          <div
            ref={banner}
            tabIndex={-1}
            role="alert"
            className="rounded-2xl border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 focus:outline-2 focus:outline-red-400"
            data-testid="checkout-error"
          >
            <p className="font-semibold">Your order was not placed.</p>
            <p className="mt-1">{problem.message}</p>
            {problem.toCart ? (
              <Link href="/cart" className="mt-2 inline-block font-semibold underline underline-offset-2">
                Review your cart
              </Link>
            ) : null}
          </div>
        ) : null}

        <fieldset className="card p-5 sm:p-6">
          <legend className="sr-only">Shipping address</legend>
          <h2 className="text-lg font-bold" aria-hidden="true">
            Shipping address
          </h2>
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            <FormField
              name="shippingAddress.fullName"
              label="Full name"
              required
              autoComplete="name"
              defaultValue={customerName}
              error={err("shippingAddress.fullName")}
              className="sm:col-span-2"
            />
            <FormField
              name="shippingAddress.line1"
              label="Address"
              required
              autoComplete="address-line1"
              error={err("shippingAddress.line1")}
              className="sm:col-span-2"
            />
            <FormField
              name="shippingAddress.line2"
              label="Apartment, suite, etc."
              autoComplete="address-line2"
              error={err("shippingAddress.line2")}
              className="sm:col-span-2"
            />
            <FormField name="shippingAddress.city" label="City" required autoComplete="address-level2" error={err("shippingAddress.city")} />
            <FormField name="shippingAddress.region" label="State / region" autoComplete="address-level1" error={err("shippingAddress.region")} />
            <FormField name="shippingAddress.postalCode" label="Postal code" required autoComplete="postal-code" error={err("shippingAddress.postalCode")} />
            <div>
              <label htmlFor="field-shippingAddress.country" className="mb-1.5 block text-sm font-medium text-cocoa-800">
                Country
              </label>
              <select
                id="field-shippingAddress.country"
                name="shippingAddress.country"
                autoComplete="country"
                defaultValue="US"
                aria-invalid={err("shippingAddress.country") ? true : undefined}
                className="field-input"
              >
                {COUNTRIES.map(([code, name]) => (
                  <option key={code} value={code}>
                    {name}
                  </option>
                ))}
              </select>
              {err("shippingAddress.country") ? <p className="mt-1 text-sm font-medium text-red-700">{err("shippingAddress.country")}</p> : null}
            </div>
            <FormField
              name="shippingAddress.phone"
              label="Phone"
              type="tel"
              autoComplete="tel"
              error={err("shippingAddress.phone")}
              hint="Only for the courier, if they cannot find you."
              className="sm:col-span-2"
            />
          </div>
        </fieldset>

        <fieldset className="card p-5 sm:p-6">
          <legend className="sr-only">Payment</legend>
          <h2 className="text-lg font-bold" aria-hidden="true">
            Payment
          </h2>
          <p className="mt-1 text-sm text-cocoa-600">
            This shop is a demo: no card is charged. <span className="font-mono">4242 4242 4242 4242</span> is accepted; a number ending in{" "}
            <span className="font-mono">0002</span> (e.g. <span className="font-mono">4000 0000 0000 0002</span>) is declined.
          </p>
          <div className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-4">
            <FormField
              name="payment.cardNumber"
              label="Card number"
              required
              inputMode="numeric"
              autoComplete="cc-number"
              placeholder="1234 5678 9012 3456"
              error={err("payment.cardNumber")}
              className="col-span-2"
            />
            <FormField name="payment.expiry" label="Expiry" required autoComplete="cc-exp" placeholder="MM/YY" maxLength={5} error={err("payment.expiry")} />
            <FormField name="payment.cvc" label="CVC" required inputMode="numeric" autoComplete="cc-csc" maxLength={4} error={err("payment.cvc")} />
          </div>
        </fieldset>
      </div>

      <div className="lg:sticky lg:top-24">
        <CartSummary
          title="Your order"
          subtotalCents={cart.subtotalCents}
          shippingCents={cart.shippingCents}
          totalCents={cart.totalCents}
          before={
            <ul className="space-y-3 border-b border-sand-200 pb-4 text-sm" aria-label="Items">
              {cart.items.map((line) => (
                <li key={line.id} className="flex justify-between gap-3">
                  <div className="min-w-0">
                    <p className="font-medium text-cocoa-900">
                      {line.name} <span className="text-cocoa-600">× {line.quantity}</span>
                    </p>
                    {line.reservedUntil ? <ReservationCountdown until={line.reservedUntil} /> : null}
                  </div>
                  <span className="shrink-0 tabular-nums">{formatMoney(line.lineTotalCents)}</span>
                </li>
              ))}
            </ul>
          }
        >
          <button type="submit" className="btn-primary w-full" disabled={submitting} data-testid="place-order">
            {submitting ? "Placing your order…" : `Pay ${formatMoney(cart.totalCents)}`}
          </button>
          <Link href="/cart" className="mt-3 block text-center text-sm font-medium text-cocoa-700 hover:text-ember-700">
            Back to cart
          </Link>
        </CartSummary>
      </div>
    </form>
  );
}
