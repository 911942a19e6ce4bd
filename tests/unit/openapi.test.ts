import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiDocument } from "@/server/http/api-document";
import { ApiRegistry } from "@/server/http/openapi";

describe("OpenAPI document", () => {
  const doc = apiDocument();

  it("describes the storefront's routes", () => {
    for (const [path, method] of [
      ["/api/products", "get"],
      ["/api/products/{idOrSlug}", "get"],
      ["/api/categories", "get"],
      ["/api/auth/login", "post"],
      ["/api/auth/register", "post"],
      ["/api/auth/logout", "post"],
      ["/api/auth/me", "get"],
      ["/api/realtime/token", "get"],
    ] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
  });

  it("derives query parameters from the zod schema, with defaults and limits", () => {
    const params = (doc.paths["/api/products"]!.get as { parameters: { name: string; required: boolean; schema: Record<string, unknown> }[] }).parameters;
    expect(params.map((p) => p.name)).toEqual(["q", "category", "minPrice", "maxPrice", "inStock", "sort", "page", "pageSize"]);
    expect(params.every((p) => !p.required)).toBe(true);
    expect(params.find((p) => p.name === "pageSize")!.schema).toMatchObject({ type: "integer", default: 12, maximum: 48 });
    expect(params.find((p) => p.name === "sort")!.schema).toMatchObject({ enum: ["newest", "price-asc", "price-desc", "name"] });
  });

  it("points error responses at the one error shape", () => {
    const notFound = (doc.paths["/api/products/{idOrSlug}"]!.get as { responses: Record<string, { content: { "application/json": { schema: unknown } } }> })
      .responses["404"]!;
    expect(notFound.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Error" });
    expect(doc.components.schemas.Error).toMatchObject({ properties: { error: { required: ["code", "message"] } } });
  });

  it("refuses the same route twice", () => {
    const op = {
      method: "get",
      path: "/x",
      tag: "T",
      summary: "x",
      access: "public",
      responses: { 200: { description: "ok", schema: z.object({}) } },
    } as const;
    expect(() => new ApiRegistry({ title: "t", version: "1", description: "" }).add([op, op])).toThrow(/registered twice/);
  });
});
