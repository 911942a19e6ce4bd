import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import pg from "pg";
import { isPostgresUrl } from "@/server/env";

const TABLE = `CREATE TABLE IF NOT EXISTS "_calor_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`;
const record = (name: string) => `INSERT INTO "_calor_migrations" ("name", "appliedAt") VALUES ('${name.replace(/'/g, "''")}', '${new Date().toISOString()}')`;

function pending(root: string, provider: "sqlite" | "postgresql", applied: Set<string>) {
  const dir = join(root, "prisma", "migrations", provider);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".sql") && !applied.has(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), "utf8") }));
}

/**
 * Applies prisma/migrations/<provider>/*.sql in name order, each once, all under one lock.
 * Prisma's `migrate deploy` cannot run on PostgreSQL through a driver adapter, so one small
 * runner serves both databases; processes that start together wait for each other.
 */
export async function migrate(url: string, root: string): Promise<string[]> {
  return isPostgresUrl(url) ? migratePostgres(url, root) : migrateSqlite(url, root);
}

async function migrateSqlite(url: string, root: string): Promise<string[]> {
  const client = createClient({ url, timeout: 30_000 });
  try {
    // WAL lets readers go on beside the one writer; it is a property of the file.
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute(TABLE);
    const tx = await client.transaction("write");
    try {
      const rows = (await tx.execute(`SELECT "name" FROM "_calor_migrations"`)).rows;
      const todo = pending(root, "sqlite", new Set(rows.map((r) => String(r.name))));
      for (const m of todo) await tx.executeMultiple(`${m.sql}\n${record(m.name)};`);
      await tx.commit();
      return todo.map((m) => m.name);
    } finally {
      tx.close();
    }
  } finally {
    client.close();
  }
}

async function migratePostgres(url: string, root: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(7243101)");
    await client.query(TABLE);
    const rows = (await client.query<{ name: string }>(`SELECT "name" FROM "_calor_migrations"`)).rows;
    const todo = pending(root, "postgresql", new Set(rows.map((r) => r.name)));
    // A multi-statement simple query runs as one implicit transaction.
    for (const m of todo) await client.query(`${m.sql}\n${record(m.name)};`);
    return todo.map((m) => m.name);
  } finally {
    await client.end();
  }
}
