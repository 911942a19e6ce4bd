import { hashPassword } from "@/server/auth/password";
import type { Db } from "@/server/db/client";

/** One browser's worth of HTTP: remembers the session cookie the app sets, as a browser would. */
export class HttpSession {
  cookie: string | null = null;

  constructor(readonly base: string) {}

  async request(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
    const res = await fetch(`${this.base}${path}`, {
      method: init.method ?? "GET",
      headers: {
        ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
    });
    const session = res.headers.getSetCookie().find((c) => c.startsWith("calor_session="));
    if (session) this.cookie = session.split(";")[0]!;
    const text = await res.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are probed by path; a wrong path fails the assertion
    return { status: res.status, headers: res.headers, text, body: text ? (JSON.parse(text) as any) : null };
  }

  register(email: string, name = "Shopper") {
    return this.request("/api/auth/register", { method: "POST", body: { email, name, password: PASSWORD } });
  }

  login(email: string) {
    return this.request("/api/auth/login", { method: "POST", body: { email, password: PASSWORD } });
  }

  checkout(key: string | null, body: unknown = checkoutBody()) {
    return this.request("/api/orders", { method: "POST", body, headers: key === null ? {} : { "Idempotency-Key": key } });
  }
}

export const PASSWORD = "calor-test-password";

export function checkoutBody(overrides: { cardNumber?: string; postalCode?: string; city?: string } = {}) {
  return {
    shippingAddress: {
      fullName: "Ada Lovelace",
      line1: "12 Ember Street",
      city: overrides.city ?? "Lyon",
      postalCode: overrides.postalCode ?? "69001",
      country: "FR",
    },
    payment: { cardNumber: overrides.cardNumber ?? "4242 4242 4242 4242", expiry: "12/39", cvc: "123" },
  };
}

let sku = 0;
/** A category and an active product with the given stock, written straight to the database. */
export async function createProduct(
  db: Db,
  { stock, priceCents = 2500, lowStockThreshold = 5 }: { stock: number; priceCents?: number; lowStockThreshold?: number },
) {
  sku += 1;
  const tag = `${Date.now().toString(36)}-${sku}`;
  const category = await db.category.upsert({ where: { slug: "test-goods" }, create: { slug: "test-goods", name: "Test goods" }, update: {} });
  return db.product.create({
    data: {
      sku: `T-${tag}`.toUpperCase(),
      slug: `test-${tag}`,
      name: `Test product ${sku}`,
      description: "",
      priceCents,
      stock,
      lowStockThreshold,
      imageUrl: `/images/products/test-${tag}`,
      categoryId: category.id,
    },
  });
}

/** An account that can log in through the API (admins cannot register themselves). */
export async function createAccount(db: Db, role: "SHOPPER" | "ADMIN", email: string) {
  return db.user.create({ data: { email, name: role === "ADMIN" ? "Admin" : "Shopper", role, passwordHash: await hashPassword(PASSWORD) } });
}

/** Runs `fn` over `items` with at most `limit` in flight (for set-up, not for the race itself). */
export async function inBatches<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

export const outboxOf = async (db: Db, topic: string) =>
  (await db.outboxEvent.findMany({ where: { topic }, orderBy: { id: "asc" } })).map((row) => ({
    ...row,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are probed by path; a wrong path fails the assertion
    data: JSON.parse(row.payload) as Record<string, any>,
  }));
