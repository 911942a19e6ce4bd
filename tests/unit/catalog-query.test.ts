import { describe, expect, it } from "vitest";
import { catalogQuerySchema, catalogSearch, normalizeParams, parseCatalogParams } from "@/server/catalog/catalog-query";
import { toErrorBody } from "@/server/errors";

const parse = (params: Record<string, string>) => catalogQuerySchema.parse(normalizeParams(params));
const fieldOf = (params: Record<string, string>) => {
  const result = catalogQuerySchema.safeParse(normalizeParams(params));
  if (result.success) throw new Error(`expected ${JSON.stringify(params)} to be rejected`);
  return toErrorBody(result.error).field;
};

describe("catalog query schema", () => {
  it("fills defaults for an empty query", () => {
    expect(parse({})).toEqual({ sort: "newest", page: 1, pageSize: 12 });
  });

  it("coerces numbers and booleans from URL strings", () => {
    expect(parse({ minPrice: "1000", maxPrice: "5000", inStock: "true", page: "3", pageSize: "24", sort: "price-desc", category: "home", q: " mug " })).toEqual(
      {
        q: "mug",
        category: "home",
        minPrice: 1000,
        maxPrice: 5000,
        inStock: true,
        sort: "price-desc",
        page: 3,
        pageSize: 24,
      },
    );
    expect(parse({ inStock: "false" }).inStock).toBe(false);
  });

  it("treats blank form fields as absent", () => {
    expect(parse({ q: "", category: "  ", minPrice: "", page: "" })).toEqual({ sort: "newest", page: 1, pageSize: 12 });
  });

  it.each([
    [{ page: "0" }, "page"],
    [{ page: "two" }, "page"],
    [{ page: "1.5" }, "page"],
    [{ pageSize: "49" }, "pageSize"],
    [{ minPrice: "-1" }, "minPrice"],
    [{ maxPrice: "12.5" }, "maxPrice"],
    [{ sort: "cheapest" }, "sort"],
    [{ inStock: "maybe" }, "inStock"],
    [{ category: "Kitchen & Table" }, "category"],
    [{ q: "x".repeat(101) }, "q"],
    [{ minPrice: "5000", maxPrice: "1000" }, "maxPrice"],
  ])("rejects %j naming the field", (params, field) => {
    expect(fieldOf(params)).toBe(field);
  });

  it("maps a bad value to a 400-class VALIDATION body with the field", () => {
    const result = catalogQuerySchema.safeParse({ sort: "cheapest" });
    expect(result.success).toBe(false);
    expect(toErrorBody(result.error)).toMatchObject({ code: "VALIDATION", field: "sort", message: expect.stringContaining("sort") });
  });
});

describe("normalizeParams", () => {
  it("keeps the first of repeated keys, from objects and URLSearchParams alike", () => {
    expect(normalizeParams({ sort: ["name", "price-asc"], q: "tea" })).toEqual({ sort: "name", q: "tea" });
    expect(normalizeParams(new URLSearchParams("sort=name&sort=price-asc&q="))).toEqual({ sort: "name" });
  });
});

describe("parseCatalogParams (pages)", () => {
  it("drops only the invalid fields and reports them", () => {
    const { query, ignored } = parseCatalogParams({ page: "abc", sort: "name", inStock: "nope", category: "home" });
    expect(ignored.sort()).toEqual(["inStock", "page"]);
    expect(query).toMatchObject({ sort: "name", category: "home", page: 1 });
    expect(query.inStock).toBeUndefined();
  });

  it("reports nothing for a valid query", () => {
    expect(parseCatalogParams({ sort: "price-asc" }).ignored).toEqual([]);
  });
});

describe("catalogSearch", () => {
  it("leaves defaults out and round-trips through the schema", () => {
    expect(catalogSearch({ sort: "newest", page: 1, pageSize: 12 })).toBe("");
    const query = parse({ q: "wool socks", category: "apparel", minPrice: "0", maxPrice: "2499", inStock: "true", sort: "name", page: "2" });
    const search = catalogSearch(query);
    expect(search).toBe("?q=wool+socks&category=apparel&minPrice=0&maxPrice=2499&inStock=true&sort=name&page=2");
    expect(parse(Object.fromEntries(new URLSearchParams(search)))).toEqual(query);
  });
});
