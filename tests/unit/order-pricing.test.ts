import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeTotals, FLAT_SHIPPING_CENTS, FREE_SHIPPING_FROM_CENTS, lineTotalCents, shippingCents } from "@/server/orders/pricing";

describe("order totals in integer cents", () => {
  it("adds lines exactly where floating-point dollars would not", () => {
    // 0.1 + 0.2 !== 0.3 in dollars; in cents it is exact.
    const totals = computeTotals([
      { unitPriceCents: 10, quantity: 1 },
      { unitPriceCents: 20, quantity: 1 },
    ]);
    expect(totals).toEqual({ subtotalCents: 30, shippingCents: FLAT_SHIPPING_CENTS, totalCents: 30 + FLAT_SHIPPING_CENTS });
    expect(computeTotals([{ unitPriceCents: 1999, quantity: 3 }]).subtotalCents).toBe(5997);
  });

  it("charges flat shipping below the threshold, none from it, none for an empty cart", () => {
    expect(shippingCents(0)).toBe(0);
    expect(shippingCents(1)).toBe(FLAT_SHIPPING_CENTS);
    expect(shippingCents(FREE_SHIPPING_FROM_CENTS - 1)).toBe(FLAT_SHIPPING_CENTS);
    expect(shippingCents(FREE_SHIPPING_FROM_CENTS)).toBe(0);
    expect(computeTotals([])).toEqual({ subtotalCents: 0, shippingCents: 0, totalCents: 0 });
    expect(computeTotals([{ unitPriceCents: 2500, quantity: 3 }])).toEqual({ subtotalCents: 7500, shippingCents: 0, totalCents: 7500 });
  });

  it("refuses fractional cents, fractional or zero quantities and negative prices", () => {
    expect(() => lineTotalCents({ unitPriceCents: 19.99, quantity: 1 })).toThrow(RangeError);
    expect(() => lineTotalCents({ unitPriceCents: 100, quantity: 1.5 })).toThrow(RangeError);
    expect(() => lineTotalCents({ unitPriceCents: 100, quantity: 0 })).toThrow(RangeError);
    expect(() => lineTotalCents({ unitPriceCents: -1, quantity: 1 })).toThrow(RangeError);
    expect(() => shippingCents(10.5)).toThrow(RangeError);
  });

  it("keeps every total an integer equal to the sum of its parts", () => {
    const line = fc.record({ unitPriceCents: fc.integer({ min: 0, max: 1_000_000 }), quantity: fc.integer({ min: 1, max: 99 }) });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        const totals = computeTotals(lines);
        const expected = lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
        expect(totals.subtotalCents).toBe(expected);
        expect(Number.isInteger(totals.totalCents)).toBe(true);
        expect(totals.totalCents).toBe(totals.subtotalCents + totals.shippingCents);
      }),
    );
  });
});
