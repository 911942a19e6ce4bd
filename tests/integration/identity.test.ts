import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/server/db/client";
import { DEMO_PASSWORD, seedAccounts } from "../../prisma/seed/accounts";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startWeb, type WebProcess } from "../support/stack";

// Every browser is somebody from its first request on; a guest's first API calls must all act
// for that one guest, and a sign-in racing them must not be undone by their cookies.
let database: TestDatabase;
let db: Db;
let web: WebProcess;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url);
  await seedAccounts(db, "development");
  web = await startWeb({ databaseUrl: database.url });
});

afterAll(async () => {
  await web?.stop();
  await db?.$disconnect();
  await database?.drop();
});

const setSession = (res: Response) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith("calor_session="))
    ?.split(";")[0];

describe("browser identity", () => {
  it("gives a new browser a guest cookie on its first page, without writing a user", async () => {
    const users = await db.user.count();
    const res = await fetch(`${web.url}/`);
    expect(res.status).toBe(200);
    expect(setSession(res)).toMatch(/^calor_session=/);
    expect(await db.user.count()).toBe(users);
  });

  it("lets concurrent first calls share that guest, writing its row once", async () => {
    const cookie = setSession(await fetch(`${web.url}/`))!;
    const calls = await Promise.all(Array.from({ length: 5 }, () => fetch(`${web.url}/api/realtime/token`, { headers: { cookie } })));
    const subs = await Promise.all(calls.map(async (r) => ((await r.json()) as { user: { sub: string } }).user.sub));
    expect(new Set(subs).size).toBe(1);
    expect(calls.every((r) => setSession(r) === undefined)).toBe(true);
    expect(await db.user.count({ where: { id: subs[0]! } })).toBe(1);
  });

  it("keeps a sign-in when the guest's token fetch finishes after it", async () => {
    const guest = setSession(await fetch(`${web.url}/`))!;
    const [login, token] = await Promise.all([
      fetch(`${web.url}/api/auth/login`, {
        method: "POST",
        headers: { cookie: guest, "content-type": "application/json" },
        body: JSON.stringify({ email: "agent@calor.dev", password: DEMO_PASSWORD }),
      }),
      fetch(`${web.url}/api/realtime/token`, { headers: { cookie: guest } }),
    ]);
    expect(login.status).toBe(200);
    expect(token.status).toBe(200);
    // Only the sign-in sets a cookie, so whichever answer the browser reads last, it stays signed in.
    expect(setSession(token)).toBeUndefined();
    const account = setSession(login)!;
    const me = (await (await fetch(`${web.url}/api/auth/me`, { headers: { cookie: account } })).json()) as { user: { role: string } };
    expect(me.user.role).toBe("AGENT");
  });

  it("still serves an API client that sends no cookie", async () => {
    const res = await fetch(`${web.url}/api/realtime/token`, { headers: { "x-no-cookie": "1" } });
    expect(res.status).toBe(200);
    const { user } = (await res.json()) as { user: { sub: string; role: string } };
    expect(user.role).toBe("GUEST");
    expect(await db.user.count({ where: { id: user.sub } })).toBe(1);
  });
});
