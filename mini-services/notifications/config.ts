import { z } from "zod";

const ms = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

// The service's own knobs; the platform-wide variables stay in src/server/env.ts.
const schema = z.object({
  /** The safety-net poll; nudges (HTTP and Redis) make delivery immediate. */
  OUTBOX_POLL_MS: ms(500),
  OUTBOX_BATCH: z.coerce.number().int().min(1).max(5000).default(500),
  /** How long the relay waits at a hole in the ids (a PostgreSQL transaction still committing) before it gives up on it. */
  OUTBOX_GAP_WAIT_MS: ms(1000),
  /** Recent events kept in memory, so most reconnects replay without reading the database. */
  REPLAY_RING_SIZE: z.coerce.number().int().min(1).default(20_000),
  /** An order pending, paid or processing for longer than this raises an admin alert. */
  ORDER_STUCK_MINUTES: z.coerce.number().positive().default(60),
  STUCK_CHECK_MS: ms(60_000),
  /** Instances heartbeat in Redis; one silent for INSTANCE_TTL_MS is reported down. */
  HEARTBEAT_MS: ms(5_000),
  INSTANCE_TTL_MS: ms(15_000),
});

export type NotificationsConfig = z.infer<typeof schema>;

export function readConfig(source: Record<string, string | undefined> = process.env): NotificationsConfig {
  const result = schema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`Invalid environment: ${issue.path.join(".")} ${issue.message}`);
  }
  return result.data;
}
