import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrate } from "@/server/db/migrate";
import { projectRoot } from "@/server/env";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** PostgreSQL when TEST_DATABASE=postgres (CI runs the suite both ways), SQLite otherwise. */
export const testProvider = process.env.TEST_DATABASE === "postgres" ? "postgresql" : "sqlite";
const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** A fresh, migrated, empty database that no other test touches. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const root = projectRoot();
  if (testProvider === "postgresql") {
    const name = `calor_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
    await migrate(url, root);
    return {
      url,
      async drop() {
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "calor-test-"));
  const url = `file:${join(dir, "test.db")}`;
  await migrate(url, root);
  return { url, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}
