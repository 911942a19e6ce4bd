import { afterAll, beforeAll } from "vitest";
import { createDb, type Db } from "@/server/db/client";
import { createTestDatabase, type TestDatabase } from "./database";
import { startService, type ServiceName, type ServiceProcess } from "./service-process";

/** A fresh database for one describe block (hooks registered here; read the fields inside tests). */
export function databaseFixture() {
  const fx = {} as { database: TestDatabase; db: Db };
  beforeAll(async () => {
    fx.database = await createTestDatabase();
    fx.db = createDb(fx.database.url);
  });
  afterAll(async () => {
    await fx.db?.$disconnect();
    await fx.database?.drop();
  });
  return fx;
}

/** A fresh database and one service process on it, for one describe block. */
export function serviceFixture(name: ServiceName, env: Record<string, string> = {}) {
  const fx = databaseFixture() as ReturnType<typeof databaseFixture> & { service: ServiceProcess };
  beforeAll(async () => {
    fx.service = await startService(name, { databaseUrl: fx.database.url, env });
  });
  afterAll(async () => {
    await fx.service?.kill("SIGKILL");
  });
  return fx;
}
