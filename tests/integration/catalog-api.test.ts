import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/server/db/client";
import type { ProductView } from "@/server/catalog/product-view";
import type { Page } from "@/server/http/pagination";
import { seedAccounts, DEMO_PASSWORD } from "../../prisma/seed/accounts";
import { seedCatalog } from "../../prisma/seed/catalog";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startWeb, type WebProcess } from "../support/stack";

// `next start` on the current build, against a freshly seeded throwaway database.
let database: TestDatabase;
let db: Db;
let web: WebProcess;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url);
  await seedCatalog(db);
  await seedAccounts(db, "development");
  web = await startWeb({ databaseUrl: database.url });
});

afterAll(async () => {
  await web?.stop();
  await db?.$disconnect();
  await database?.drop();
});

const get = (path: string, init?: RequestInit) => fetch(`${web.url}${path}`, { redirect: "manual", ...init });
const list = async (search: string) => {
  const res = await get(`/api/products${search}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Page<ProductView>;
};
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; field?: string } }).error;
const postJson = (path: string, body: unknown, cookie?: string) =>
  get(path, { method: "POST", headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
/** The session cookie a response set, as a Cookie header. */
const sessionOf = (res: Response) => {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("calor_session="));
  expect(cookie, "session cookie").toBeDefined();
  return cookie!.split(";")[0]!;
};
const signIn = async (email: string) => sessionOf(await postJson("/api/auth/login", { email, password: DEMO_PASSWORD }));

describe("GET /api/products", () => {
  it("pages through every active product exactly once", async () => {
    const active = await db.product.count({ where: { status: "ACTIVE" } });
    expect(active).toBeGreaterThanOrEqual(24);
    const first = await list("?sort=name&pageSize=10");
    expect(first).toMatchObject({ page: 1, pageSize: 10, total: active, totalPages: Math.ceil(active / 10) });
    const ids = [...first.items.map((p) => p.id)];
    for (let page = 2; page <= first.totalPages; page++) ids.push(...(await list(`?sort=name&pageSize=10&page=${page}`)).items.map((p) => p.id));
    expect(ids).toHaveLength(active);
    expect(new Set(ids).size).toBe(active);
    const beyond = await list(`?pageSize=10&page=${first.totalPages + 1}`);
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(active);
  });

  it("answers with the documented product shape", async () => {
    const [product] = (await list("?pageSize=1")).items;
    expect(product).toMatchObject({
      id: expect.any(String),
      sku: expect.any(String),
      slug: expect.any(String),
      priceCents: expect.any(Number),
      stock: expect.any(Number),
      lowStockThreshold: expect.any(Number),
      imageUrl: expect.stringMatching(/^\/images\/products\//),
      category: { slug: expect.any(String), name: expect.any(String) },
    });
    expect(Number.isInteger(product!.priceCents)).toBe(true);
  });

  it("searches name, description and SKU, case-insensitively", async () => {
    const found = await list("?q=mug&pageSize=48");
    expect(found.total).toBeGreaterThan(0);
    expect(found.items.map((p) => p.name)).toContain("Ember Stoneware Mug");
    for (const p of found.items) expect(`${p.name} ${p.description} ${p.sku}`.toLowerCase()).toContain("mug");
    expect((await list("?q=MUG")).total).toBe(found.total);
    expect((await list("?q=KIT-001")).items.map((p) => p.sku)).toEqual(["KIT-001"]);
    expect((await list("?q=zzzz-nothing-like-this")).total).toBe(0);
  });

  it("filters by category, price range and stock", async () => {
    const kitchen = await list("?category=kitchen&pageSize=48");
    expect(kitchen.total).toBe(await db.product.count({ where: { status: "ACTIVE", category: { slug: "kitchen" } } }));
    expect(kitchen.items.every((p) => p.category.slug === "kitchen")).toBe(true);

    const priced = await list("?minPrice=2000&maxPrice=4000&pageSize=48");
    expect(priced.total).toBe(await db.product.count({ where: { status: "ACTIVE", priceCents: { gte: 2000, lte: 4000 } } }));
    expect(priced.items.every((p) => p.priceCents >= 2000 && p.priceCents <= 4000)).toBe(true);

    const all = await list("?pageSize=48");
    const inStock = await list("?inStock=true&pageSize=48");
    const soldOut = all.items.filter((p) => p.stock === 0);
    expect(soldOut.length).toBeGreaterThan(0);
    expect(inStock.total).toBe(all.total - soldOut.length);
    expect(inStock.items.every((p) => p.stock > 0)).toBe(true);
  });

  it("sorts by price both ways, by name, and newest first", async () => {
    const asc = (await list("?sort=price-asc&pageSize=48")).items.map((p) => p.priceCents);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = (await list("?sort=price-desc&pageSize=48")).items.map((p) => p.priceCents);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    // First letters only: collations differ on spaces and dashes between SQLite and PostgreSQL.
    const initials = (await list("?sort=name&pageSize=48")).items.map((p) => p.name[0]!);
    expect(initials).toEqual([...initials].sort());
    const newest = (await list("?pageSize=48")).items.map((p) => p.createdAt);
    expect(newest).toEqual([...newest].sort().reverse());
  });

  it.each([
    ["?page=0", "page"],
    ["?page=abc", "page"],
    ["?pageSize=1000", "pageSize"],
    ["?sort=cheapest", "sort"],
    ["?inStock=maybe", "inStock"],
    ["?minPrice=-5", "minPrice"],
    ["?minPrice=5000&maxPrice=100", "maxPrice"],
    ["?category=Not%20A%20Slug", "category"],
  ])("%s is a 400 naming %s", async (search, field) => {
    const res = await get(`/api/products${search}`);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: "VALIDATION", field, message: expect.stringContaining(field) });
  });
});

describe("GET /api/products/{idOrSlug} and /api/categories", () => {
  it("finds a product by slug and by id", async () => {
    const row = await db.product.findUniqueOrThrow({ where: { sku: "KIT-001" } });
    const bySlug = await get(`/api/products/${row.slug}`);
    expect(bySlug.status).toBe(200);
    const { product } = (await bySlug.json()) as { product: ProductView };
    expect(product).toMatchObject({ id: row.id, sku: "KIT-001", priceCents: row.priceCents, stock: row.stock });
    expect(((await (await get(`/api/products/${row.id}`)).json()) as { product: ProductView }).product.slug).toBe(row.slug);
  });

  it("is a JSON 404 for an unknown product, and for an archived one", async () => {
    const res = await get("/api/products/no-such-product");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await errorOf(res)).toMatchObject({ code: "NOT_FOUND" });

    const archived = await db.product.create({
      data: {
        sku: "ARCH-1",
        slug: "archived-thing",
        name: "Archived thing",
        description: "gone",
        priceCents: 100,
        stock: 1,
        imageUrl: "/x",
        status: "ARCHIVED",
        category: { connect: { slug: "home" } },
      },
    });
    expect((await get(`/api/products/${archived.slug}`)).status).toBe(404);
    expect((await list("?q=Archived")).total).toBe(0);
  });

  it("lists categories with their active product counts", async () => {
    const res = await get("/api/categories");
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { slug: string; productCount: number }[] };
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(items.reduce((n, c) => n + c.productCount, 0)).toBe(await db.product.count({ where: { status: "ACTIVE" } }));
  });
});

describe("accounts", () => {
  const email = `shopper-${randomBytes(4).toString("hex")}@example.com`;

  it("registers, then /api/auth/me knows the account", async () => {
    const res = await postJson("/api/auth/register", { name: "Robin Warm", email, password: "a-long-password" });
    expect(res.status).toBe(201);
    const me = await get("/api/auth/me", { headers: { cookie: sessionOf(res) } });
    expect(((await me.json()) as { user: unknown }).user).toMatchObject({ role: "SHOPPER", name: "Robin Warm" });
  });

  it("refuses a second account with the same email (409, field email)", async () => {
    const res = await postJson("/api/auth/register", { name: "Someone Else", email: email.toUpperCase(), password: "another-password" });
    expect(res.status).toBe(409);
    expect(await errorOf(res)).toMatchObject({ code: "CONFLICT", field: "email" });
  });

  it("logs in with the right password only", async () => {
    const wrong = await postJson("/api/auth/login", { email, password: "not-the-password" });
    expect(wrong.status).toBe(401);
    expect(await errorOf(wrong)).toMatchObject({ code: "UNAUTHORIZED" });
    const right = await postJson("/api/auth/login", { email, password: "a-long-password" });
    expect(right.status).toBe(200);
    const me = await get("/api/auth/me", { headers: { cookie: sessionOf(right) } });
    expect(((await me.json()) as { user: { name: string } }).user.name).toBe("Robin Warm");
  });

  it("names the bad field of a registration", async () => {
    const res = await postJson("/api/auth/register", { name: "X", email: "not-an-email", password: "long-enough" });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: "VALIDATION", field: "email" });
  });
});

describe("pages", () => {
  it("renders the catalog, filtered and searched, on the server", async () => {
    const home = await (await get("/")).text();
    expect(home).toContain("All products");
    expect(home).toContain('data-testid="connection-indicator"');
    const search = await get("/?q=cocoa");
    expect(search.status).toBe(200);
    expect(await search.text()).toContain("Spiced Hot Cocoa Mix");
    const none = await (await get("/?q=zzzz-nothing")).text();
    expect(none).toContain("Nothing matches");
    // A hand-edited URL still shows the catalog, with a note.
    const beyond = await (await get("/?category=home&page=9")).text();
    expect(beyond).toContain("This page is empty");
    expect(beyond).toContain('href="/?category=home"');
    const odd = await get("/?page=abc");
    expect(odd.status).toBe(200);
    expect(await odd.text()).toContain("did not understand");
  });

  it("shows a product with its low-stock note, and 404s an unknown one", async () => {
    const low = await db.product.findUniqueOrThrow({ where: { sku: "KIT-003" } });
    expect(low.stock).toBeLessThanOrEqual(low.lowStockThreshold);
    const html = await (await get(`/products/${low.slug}`)).text();
    expect(html).toContain(low.name);
    expect(html).toContain(`Only ${low.stock} left`);
    expect((await get("/products/no-such-product")).status).toBe(404);
  });

  it("serves a cacheable SVG per product", async () => {
    const res = await get("/images/products/ember-stoneware-mug");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("image/svg+xml");
    expect(res.headers.get("cache-control")).toContain("max-age");
    expect(await res.text()).toMatch(/^<svg /);
    const again = await get("/images/products/ember-stoneware-mug", { headers: { "if-none-match": res.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });

  it("serves the OpenAPI document and its reference page", async () => {
    const doc = (await (await get("/api/openapi.json")).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/api/products");
    const page = await get("/api/docs");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("/api/products/{idOrSlug}");
  });
});

describe("console pages", () => {
  it("answers 401 with an explanation to a signed-out visitor, whatever headers it sends", async () => {
    for (const headers of [{} as Record<string, string>, { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" }]) {
      const res = await get("/admin", { headers });
      expect(res.status).toBe(401);
      const html = await res.text();
      expect(html).toContain("This console is for admins. Sign in with an admin account.");
      expect(html).toContain("/login?next=/admin");
    }
  });

  it("answers 403 to the wrong role and 200 to the right one", async () => {
    const shopper = await signIn("shopper@calor.dev");
    const agent = await signIn("agent@calor.dev");
    const admin = await signIn("admin@calor.dev");
    const status = async (path: string, cookie: string) => (await get(path, { headers: { cookie } })).status;
    expect(await status("/agent", shopper)).toBe(403);
    expect(await (await get("/agent", { headers: { cookie: shopper } })).text()).toContain("This console is for agents.");
    expect(await status("/agent", agent)).toBe(200);
    expect(await status("/host", agent)).toBe(403);
    expect(await status("/admin", agent)).toBe(403);
    for (const path of ["/admin", "/agent", "/host"]) expect(await status(path, admin)).toBe(200);
  });

  it("keeps /api/admin/* to admins, checked in the route itself", async () => {
    const bypass = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };
    const shopper = await signIn("shopper@calor.dev");
    const admin = await signIn("admin@calor.dev");
    for (const path of ["/api/admin/orders", "/api/admin/products"]) {
      expect((await get(path, { headers: bypass })).status, path).toBe(401);
      expect((await get(path, { headers: { ...bypass, cookie: shopper } })).status, path).toBe(403);
      expect((await get(path, { headers: { cookie: admin } })).status, path).toBe(200);
    }
  });

  it("takes the console away as soon as the role changes in the database", async () => {
    const host = await signIn("host@calor.dev");
    expect((await get("/host", { headers: { cookie: host } })).status).toBe(200);
    await db.user.update({ where: { email: "host@calor.dev" }, data: { role: "SHOPPER" } });
    try {
      expect((await get("/host", { headers: { cookie: host } })).status).toBe(403);
    } finally {
      await db.user.update({ where: { email: "host@calor.dev" }, data: { role: "HOST" } });
    }
  });
});
