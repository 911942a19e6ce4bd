import { describe, expect, it } from "vitest";
import { apiDocument } from "@/server/http/api-document";

type Operation = {
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
  "x-access": string;
};

describe("OpenAPI: commerce routes", () => {
  const doc = apiDocument();
  const op = (path: string, method: string) => (doc.paths[path] as Record<string, Operation> | undefined)?.[method];

  it("describes every cart, order and admin route with its access", () => {
    const routes: [string, string, string][] = [
      ["/api/cart", "get", "visitor"],
      ["/api/cart", "post", "visitor"],
      ["/api/cart/items/{id}", "patch", "visitor"],
      ["/api/cart/items/{id}", "delete", "visitor"],
      ["/api/orders", "get", "account"],
      ["/api/orders", "post", "account"],
      ["/api/orders/{id}", "get", "account"],
      ["/api/orders/{id}/cancel", "post", "account"],
      ["/api/admin/products", "get", "ADMIN"],
      ["/api/admin/products", "post", "ADMIN"],
      ["/api/admin/products/{id}", "get", "ADMIN"],
      ["/api/admin/products/{id}", "patch", "ADMIN"],
      ["/api/admin/products/{id}/stock", "get", "ADMIN"],
      ["/api/admin/products/{id}/stock", "post", "ADMIN"],
      ["/api/admin/orders", "get", "ADMIN"],
      ["/api/admin/orders/{id}", "get", "ADMIN"],
      ["/api/admin/orders/{id}/status", "post", "ADMIN"],
    ];
    for (const [path, method, access] of routes) expect(op(path, method)?.["x-access"], `${method} ${path}`).toBe(access);
  });

  it("requires the Idempotency-Key header on checkout and documents 402, 409 and 422", () => {
    const checkout = op("/api/orders", "post")!;
    expect(checkout.parameters).toContainEqual(expect.objectContaining({ name: "Idempotency-Key", in: "header", required: true }));
    expect(Object.keys(checkout.responses)).toEqual(expect.arrayContaining(["201", "400", "402", "409", "422"]));
    expect(JSON.stringify(checkout.requestBody)).toContain("postalCode");
  });
});
