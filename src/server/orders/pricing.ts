/** Money is integer cents: every amount here is checked to stay an integer. */

export const FREE_SHIPPING_FROM_CENTS = 7_500;
export const FLAT_SHIPPING_CENTS = 599;

export interface PricedLine {
  unitPriceCents: number;
  quantity: number;
}

export interface Totals {
  subtotalCents: number;
  shippingCents: number;
  totalCents: number;
}

function assertCents(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative integer number of cents, got ${value}`);
  return value;
}

export function lineTotalCents(line: PricedLine): number {
  assertCents(line.unitPriceCents, "unitPriceCents");
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) throw new RangeError(`quantity must be a positive integer, got ${line.quantity}`);
  return assertCents(line.unitPriceCents * line.quantity, "line total");
}

export const subtotalCents = (lines: readonly PricedLine[]) => lines.reduce((sum, line) => sum + lineTotalCents(line), 0);

/** Shipping rule: a flat fee, free from a threshold; an empty cart ships nothing. */
export function shippingCents(subtotal: number): number {
  assertCents(subtotal, "subtotal");
  if (subtotal === 0 || subtotal >= FREE_SHIPPING_FROM_CENTS) return 0;
  return FLAT_SHIPPING_CENTS;
}

export function computeTotals(lines: readonly PricedLine[]): Totals {
  const subtotal = subtotalCents(lines);
  const shipping = shippingCents(subtotal);
  return { subtotalCents: subtotal, shippingCents: shipping, totalCents: assertCents(subtotal + shipping, "total") };
}
