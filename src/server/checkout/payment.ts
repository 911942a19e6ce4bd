import { AppError } from "@/server/errors";
import type { CheckoutInput } from "@/server/checkout/checkout-schema";

/** The simulated provider declines every card ending in this, to exercise the failure path. */
export const DECLINED_SUFFIX = "0002";

export interface Authorization {
  last4: string;
}

/**
 * Stands in for a payment provider. It runs before the order transaction: a decline leaves
 * nothing behind. (With a real provider this would be an authorization, voided if the order
 * transaction then fails, and captured once it commits.)
 */
export function authorizePayment(payment: CheckoutInput["payment"]): Authorization {
  if (payment.cardNumber.endsWith(DECLINED_SUFFIX)) {
    throw new AppError("PAYMENT_DECLINED", "Your card was declined. Try another card; nothing was charged.", "payment.cardNumber");
  }
  return { last4: payment.cardNumber.slice(-4) };
}
