import { db, type Tx } from "@/server/db/client";

/**
 * Prisma codes worth one more attempt: P1008 is SQLITE_BUSY as the libsql adapter reports it
 * (another process holds the write lock and a deferred transaction cannot upgrade), P2034 a
 * PostgreSQL serialization failure or deadlock, P2028 a transaction that could not start in time.
 */
const RETRYABLE = new Set(["P1008", "P2034", "P2028"]);

export const isRetryableDbError = (error: unknown) =>
  typeof error === "object" && error !== null && "code" in error && RETRYABLE.has(String((error as { code: unknown }).code));

export interface TransactOptions {
  attempts?: number;
  /** Another error that means "run the whole transaction again" (e.g. a lost unique race). */
  retryIf?: (error: unknown) => boolean;
}

/**
 * A write transaction that is retried, with jittered backoff, when the database says "busy"
 * rather than "no". Every attempt is a fresh transaction, so `fn` must not keep state between
 * attempts. The waits are long because one Next process serialises its SQLite transactions.
 */
export async function transact<T>(fn: (tx: Tx) => Promise<T>, options: TransactOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 6;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db().$transaction(fn, { maxWait: 30_000, timeout: 30_000 });
    } catch (error) {
      const retry = isRetryableDbError(error) || (options.retryIf?.(error) ?? false);
      if (!retry || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt + Math.random() * 25));
    }
  }
}
