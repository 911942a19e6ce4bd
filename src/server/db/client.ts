import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresClient } from "@/generated/prisma-postgres/client";
import { env, isPostgresUrl } from "@/server/env";

/**
 * Both generated clients come from the same schema folder and differ only in the provider,
 * so the SQLite client's type describes either.
 */
export type Db = SqliteClient;
/** The client inside `db().$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** A client for one database URL (tests and tools; the app uses db()). */
export function createDb(url: string): Db {
  if (isPostgresUrl(url)) {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) }) as unknown as Db;
  }
  // Next and the services share the file: wait for a lock rather than fail at once.
  return new SqliteClient({ adapter: new PrismaLibSQL({ url, timeout: 5000 }) });
}

const holder = globalThis as unknown as { calorDb?: Db };

/** One client per process (kept across Next's hot reloads). */
export function db(): Db {
  holder.calorDb ??= createDb(env().DATABASE_URL);
  return holder.calorDb;
}

export async function disconnectDb(): Promise<void> {
  await holder.calorDb?.$disconnect();
  holder.calorDb = undefined;
}
