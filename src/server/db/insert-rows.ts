import { Prisma } from "@/generated/prisma/client";
import type { Db, Tx } from "@/server/db/client";

/**
 * One multi-row INSERT, raw. Prisma 6 compiles a model write over every row's data on the event
 * loop (~3x the CPU per row of the statement itself), which is what bounds the batched write
 * paths (support messages, offer claims). Table and column names come from code, never input;
 * every value is a bound parameter. Give every column a value: raw SQL skips Prisma's defaults
 * (`@default(now())`, `@updatedAt`).
 */
export function insertRows(client: Tx | Db, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<number> {
  return client.$executeRaw(insertStatement(table, columns, rows));
}

/**
 * The same, returning `returning` of every inserted row, in no promised order. Raw reads give
 * the driver's types: a SQLite boolean is 0 or 1, a PostgreSQL bigint a BigInt.
 */
export function insertRowsReturning<T>(
  client: Tx | Db,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  returning: readonly string[],
): Promise<T[]> {
  const tail = Prisma.raw(` RETURNING ${quoted(returning)}`);
  return client.$queryRaw<T[]>(Prisma.sql`${insertStatement(table, columns, rows)}${tail}`);
}

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(", ");

function insertStatement(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]) {
  const head = Prisma.raw(`INSERT INTO "${table}" (${quoted(columns)}) VALUES `);
  return Prisma.sql`${head}${Prisma.join(rows.map((row) => Prisma.sql`(${Prisma.join(row as unknown[])})`))}`;
}
