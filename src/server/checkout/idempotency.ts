import { createHmac } from "node:crypto";
import { z } from "zod";
import type { Tx } from "@/server/db/client";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { AppError, isUniqueViolation } from "@/server/errors";

export const IDEMPOTENCY_HEADER = "Idempotency-Key";

export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(1, "is required")
  .max(255, "must be at most 255 characters")
  .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces");

/** The header is required on POST /api/orders: a 400 naming it when missing or malformed. */
export function readIdempotencyKey(header: string | null): string {
  const parsed = idempotencyKeySchema.safeParse(header ?? "");
  if (!parsed.success) {
    throw new AppError("VALIDATION", `${IDEMPOTENCY_HEADER} header ${parsed.error.issues[0]?.message ?? "is invalid"}`, IDEMPOTENCY_HEADER);
  }
  return parsed.data;
}

/** How long a second request with the same key waits for the first one's answer. */
const WAIT_MS = 20_000;
/** A key left without an answer this long belongs to a request that died: it may be taken over. */
const ABANDONED_MS = 5 * 60_000;
/** Answered keys are replayed for at least this long (as payment APIs do), then purged. */
export const KEEP_KEYS_MS = 24 * 3600_000;

export interface StoredResponse {
  status: number;
  body: unknown;
}

/** Stores the response in the caller's transaction, so the change and its answer commit together. */
export type RecordResponse = (tx: Tx, response: StoredResponse) => Promise<void>;

/** Keyed with the app secret: the body holds a card number, the hash must not be reversible by guessing. */
export const requestHash = (body: unknown) => createHmac("sha256", env().AUTH_SECRET).update(JSON.stringify(body)).digest("hex");

/**
 * Runs `run` at most once per (user, key). The IdempotencyKey row is inserted first and the
 * unique (userId, key) index decides who runs: the winner runs and stores its response in the
 * same transaction as its change; every other request with that key waits for that stored
 * response (polling, up to WAIT_MS) and replays it, or gets 409 if the first is still running.
 * A different body under a used key is 422. A request that fails changed nothing, so its key
 * is released and the client may retry it (the response of a failure is not stored).
 */
export async function runIdempotent(
  userId: string,
  key: string,
  hash: string,
  run: (record: RecordResponse) => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const claimed = await claim(userId, key, hash);
    if (claimed) {
      // Each new checkout clears the shopper's own expired keys (an index range on userId):
      // the table stays bounded without a sweeper, and a failure here only delays the purge.
      await db()
        .idempotencyKey.deleteMany({ where: { userId, createdAt: { lt: new Date(Date.now() - KEEP_KEYS_MS) } } })
        .catch(() => undefined);
      return { ...(await runAsOwner(claimed, run)), replayed: false };
    }

    const row = await db().idempotencyKey.findUnique({ where: { userId_key: { userId, key } } });
    if (!row) continue;
    if (row.requestHash !== hash) {
      throw new AppError(
        "UNPROCESSABLE",
        `This ${IDEMPOTENCY_HEADER} was already used with a different request body; use a new key for a new request`,
        IDEMPOTENCY_HEADER,
      );
    }
    if (row.responseStatus !== null && row.responseBody !== null) {
      return { status: row.responseStatus, body: JSON.parse(row.responseBody), replayed: true };
    }
    if (Date.now() - row.createdAt.getTime() > ABANDONED_MS) {
      await db().idempotencyKey.deleteMany({ where: { id: row.id, responseStatus: null } });
      continue;
    }
    if (Date.now() > deadline) {
      throw new AppError("CONFLICT", `A request with this ${IDEMPOTENCY_HEADER} is still in progress; retry in a moment`, IDEMPOTENCY_HEADER);
    }
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 50));
  }
}

async function claim(userId: string, key: string, hash: string): Promise<string | null> {
  try {
    const row = await db().idempotencyKey.create({ data: { userId, key, requestHash: hash }, select: { id: true } });
    return row.id;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

async function runAsOwner(id: string, run: (record: RecordResponse) => Promise<StoredResponse>): Promise<StoredResponse> {
  try {
    return await run(async (tx, response) => {
      // Conditional: if the key was taken over as abandoned, this transaction must not commit.
      const { count } = await tx.idempotencyKey.updateMany({
        where: { id, responseStatus: null },
        data: { responseStatus: response.status, responseBody: JSON.stringify(response.body) },
      });
      if (count !== 1) throw new AppError("CONFLICT", `This ${IDEMPOTENCY_HEADER} was released while the request ran; retry`, IDEMPOTENCY_HEADER);
    });
  } catch (error) {
    await db()
      .idempotencyKey.deleteMany({ where: { id, responseStatus: null } })
      .catch(() => undefined);
    throw error;
  }
}
