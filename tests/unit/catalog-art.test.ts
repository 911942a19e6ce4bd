import { describe, expect, it } from "vitest";
import { initialsOf, renderProductSvg } from "@/server/catalog/product-art";
import { safeNext } from "@/lib/safe-next";

describe("product art", () => {
  it("is deterministic per product and differs between products", () => {
    const a = renderProductSvg({ slug: "ember-stoneware-mug", name: "Ember Stoneware Mug", categorySlug: "kitchen" });
    expect(renderProductSvg({ slug: "ember-stoneware-mug", name: "Ember Stoneware Mug", categorySlug: "kitchen" })).toBe(a);
    expect(renderProductSvg({ slug: "enamel-camp-mug", name: "Enamel Camp Mug", categorySlug: "kitchen" })).not.toBe(a);
  });

  it("colours by category and falls back for unknown ones", () => {
    const kitchen = renderProductSvg({ slug: "x", name: "X", categorySlug: "kitchen" });
    const outdoor = renderProductSvg({ slug: "x", name: "X", categorySlug: "outdoor" });
    const unknown = renderProductSvg({ slug: "x", name: "X", categorySlug: "not-a-category" });
    expect(kitchen).not.toBe(outdoor);
    expect(unknown).toMatch(/^<svg /);
  });

  it("escapes the name (no markup injection into the SVG)", () => {
    const svg = renderProductSvg({ slug: "evil", name: `<script>alert("x")</script>`, categorySlug: null });
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&#60;script&#62;");
  });

  it("makes initials from the first two words", () => {
    expect(initialsOf("Ember Stoneware Mug")).toBe("ES");
    expect(initialsOf("Cast Iron Mini Skillet")).toBe("CI");
    expect(initialsOf("Throw")).toBe("TH");
    expect(initialsOf("")).toBe("?");
  });
});

describe("safeNext", () => {
  it.each([
    ["/products/ember-stoneware-mug", "/products/ember-stoneware-mug"],
    ["/?q=mug&page=2", "/?q=mug&page=2"],
    ["https://evil.example/", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["/login?next=/agent", "/"],
    ["/register", "/"],
    [undefined, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeNext(input)).toBe(expected);
  });
  it("takes the first of repeated values", () => {
    expect(safeNext(["/orders", "//evil"])).toBe("/orders");
  });
});
