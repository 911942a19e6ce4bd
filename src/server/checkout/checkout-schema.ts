import { z } from "zod";

const text = (max: number) => z.string().trim().min(1, "is required").max(max, `must be at most ${max} characters`);

export const shippingAddressSchema = z.object({
  fullName: text(100),
  line1: text(200),
  line2: z.string().trim().max(200, "must be at most 200 characters").default(""),
  city: text(100),
  region: z.string().trim().max(100, "must be at most 100 characters").default(""),
  postalCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{1,10}$/, "must be a postal code (2 to 11 letters or digits)"),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "must be a two-letter country code such as US or FR"),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, "must be a phone number")
    .or(z.literal(""))
    .default(""),
});
export type ShippingAddress = z.infer<typeof shippingAddressSchema>;

/** Luhn's checksum: catches a mistyped digit before the (simulated) provider is asked. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function notExpired(value: string, now = new Date()): boolean {
  const [mm, yy] = value.split("/").map(Number);
  if (!mm || yy === undefined) return false;
  // A card is valid through the last day of its month.
  return new Date(Date.UTC(2000 + yy, mm, 1)).getTime() > now.getTime();
}

export const paymentSchema = z.object({
  cardNumber: z
    .string()
    .transform((s) => s.replace(/[\s-]/g, ""))
    .pipe(
      z
        .string()
        .regex(/^\d{12,19}$/, "must be 12 to 19 digits")
        .refine(passesLuhn, "is not a valid card number"),
    ),
  expiry: z
    .string()
    .trim()
    .regex(/^(0[1-9]|1[0-2])\/\d{2}$/, "must look like MM/YY")
    .refine((v) => notExpired(v), "is in the past"),
  cvc: z
    .string()
    .trim()
    .regex(/^\d{3,4}$/, "must be 3 or 4 digits"),
});

export const checkoutSchema = z.object({ shippingAddress: shippingAddressSchema, payment: paymentSchema });
export type CheckoutInput = z.infer<typeof checkoutSchema>;
