import { describe, expect, it } from "vitest";
import { catalogQuerySchema, sortOptions } from "@/server/catalog/catalog-query";
import { productOrderBy, productWhere } from "@/server/catalog/product-filter";
import { pageWindow, totalPagesOf } from "@/server/http/pagination";
import { pageList } from "@/components/catalog/pagination";
import { stockLevel } from "@/components/catalog/stock-status";

const query = (params: Record<string, string>) => catalogQuerySchema.parse(params);

describe("productWhere", () => {
  it("always limits the catalog to active products", () => {
    expect(productWhere(query({}), { caseInsensitiveMode: false })).toEqual({ AND: [{ status: "ACTIVE" }] });
  });

  it("combines search, category, price range and stock", () => {
    const where = productWhere(query({ q: "mug", category: "kitchen", minPrice: "1000", maxPrice: "3000", inStock: "true" }), { caseInsensitiveMode: false });
    expect(where).toEqual({
      AND: [
        { status: "ACTIVE" },
        { OR: [{ name: { contains: "mug" } }, { description: { contains: "mug" } }, { sku: { contains: "mug" } }] },
        { category: { slug: "kitchen" } },
        { priceCents: { gte: 1000, lte: 3000 } },
        { stock: { gt: 0 } },
      ],
    });
  });

  it("keeps a zero price bound (0 is a bound, not 'absent')", () => {
    expect(productWhere(query({ minPrice: "0" }), { caseInsensitiveMode: false }).AND).toContainEqual({ priceCents: { gte: 0 } });
    expect(productWhere(query({ maxPrice: "0" }), { caseInsensitiveMode: false }).AND).toContainEqual({ priceCents: { lte: 0 } });
  });

  it("asks PostgreSQL for case-insensitive matching, and never SQLite (which rejects `mode`)", () => {
    const pg = productWhere(query({ q: "Mug" }), { caseInsensitiveMode: true });
    expect(JSON.stringify(pg)).toContain('"mode":"insensitive"');
    expect(JSON.stringify(productWhere(query({ q: "Mug" }), { caseInsensitiveMode: false }))).not.toContain("mode");
  });

  it("does not filter on stock when inStock is false", () => {
    expect(JSON.stringify(productWhere(query({ inStock: "false" }), { caseInsensitiveMode: false }))).not.toContain("stock");
  });
});

describe("productOrderBy", () => {
  it.each(sortOptions)("%s ends with the id so pages are stable", (sort) => {
    expect(productOrderBy(sort).at(-1)).toEqual({ id: "asc" });
  });

  it("sorts by the right column", () => {
    expect(productOrderBy("price-asc")[0]).toEqual({ priceCents: "asc" });
    expect(productOrderBy("price-desc")[0]).toEqual({ priceCents: "desc" });
    expect(productOrderBy("name")[0]).toEqual({ name: "asc" });
    expect(productOrderBy("newest")[0]).toEqual({ createdAt: "desc" });
  });
});

describe("pagination", () => {
  it("skips whole pages", () => {
    expect(pageWindow(1, 12)).toEqual({ skip: 0, take: 12 });
    expect(pageWindow(3, 10)).toEqual({ skip: 20, take: 10 });
  });

  it("has at least one page", () => {
    expect(totalPagesOf(0, 12)).toBe(1);
    expect(totalPagesOf(12, 12)).toBe(1);
    expect(totalPagesOf(13, 12)).toBe(2);
  });

  it("lists the first, last and neighbouring pages with gaps", () => {
    expect(pageList(1, 3)).toEqual([1, 2, 3]);
    expect(pageList(6, 12)).toEqual([1, "gap", 4, 5, 6, 7, 8, "gap", 12]);
    expect(pageList(1, 10)).toEqual([1, 2, 3, "gap", 10]);
  });
});

describe("stockLevel", () => {
  it("is sold out at 0, low at or under the threshold, otherwise in stock", () => {
    expect(stockLevel(0, 5)).toBe("sold-out");
    expect(stockLevel(5, 5)).toBe("low");
    expect(stockLevel(1, 5)).toBe("low");
    expect(stockLevel(6, 5)).toBe("in-stock");
  });
});
