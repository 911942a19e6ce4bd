/**
 * The notifications benchmark's writer, in its own process so that its database work neither
 * delays the receivers' clocks nor hides in their CPU figure. It commits outbox rows at a pace
 * (writeOutboxMany inside a transaction — one statement for the outbox rows and one for their
 * centre rows — then nudgeNotifications(), as the app does) and writes
 * each row's id, commit time (epoch ms) and addressee to the file named in its config.
 * Config: BENCH_WRITER_CONFIG (JSON of WriterConfig). Started by bench/notifications.ts.
 */
import { writeFileSync } from "node:fs";
import { createDb } from "@/server/db/client";
import { Histogram } from "../lib/histogram";
import { paced } from "../lib/pace";
import { selfCpuUs } from "../lib/proc-stats";

export interface WriterConfig {
  databaseUrl: string;
  userIds: string[];
  rate: number;
  seconds: number;
  perTransaction: number;
  maxInFlight: number;
  /** Date.now() by which it must have stopped. */
  deadline: number;
  out: string;
}

export interface WriterResult {
  /** [outbox id, commit time (epoch ms), index of the user it is for] */
  commits: [number, number, number][];
  skipped: number;
  failed: number;
  firstError: string | null;
  elapsedMs: number;
  /** This process's CPU time (µs) while writing. */
  cpuUs: number;
  tx: ReturnType<Histogram["summary"]>;
}

// nudgeNotifications() reads NOTIFICATIONS_URL and SERVICE_TOKEN through env(): the parent sets them.
const { nudgeNotifications } = await import("@/server/outbox/nudge");
const { writeOutboxMany } = await import("@/server/outbox/write-outbox");

const config = JSON.parse(process.env.BENCH_WRITER_CONFIG ?? "null") as WriterConfig | null;
if (!config) throw new Error("BENCH_WRITER_CONFIG is required");
const db = createDb(config.databaseUrl);
const epochNow = () => performance.timeOrigin + performance.now();
const perTx = Math.max(1, config.perTransaction);
const result: WriterResult = { commits: [], skipped: 0, failed: 0, firstError: null, elapsedMs: 0, cpuUs: 0, tx: new Histogram().summary() };
const tx = new Histogram();
const writes: Promise<void>[] = [];
let inFlight = 0;

const started = performance.now();
const cpuStart = selfCpuUs();
await paced(config.rate / perTx, config.seconds, config.deadline, (i) => {
  if (inFlight >= config.maxInFlight) {
    result.skipped += perTx;
    return;
  }
  inFlight++;
  const begun = performance.now();
  const who = Array.from({ length: perTx }, (_, k) => (i * perTx + k) % config.userIds.length);
  writes.push(
    db
      .$transaction((t) =>
        writeOutboxMany(
          t,
          who.map((u) => {
            const userId = config.userIds[u]!;
            return {
              topic: "notification" as const,
              payload: { userId, kind: "bench", title: "Benchmark", body: `event ${i}`, link: null },
              scope: { userId },
            };
          }),
        ),
      )
      .then(
        (ids) => {
          const at = epochNow();
          tx.recordMs(performance.now() - begun);
          ids.forEach((id, k) => result.commits.push([id, at, who[k]!]));
          nudgeNotifications();
        },
        (error: unknown) => {
          result.failed += perTx;
          result.firstError ??= String(error).slice(0, 300);
        },
      )
      .finally(() => inFlight--),
  );
});
await Promise.all(writes);
result.elapsedMs = performance.now() - started;
result.cpuUs = selfCpuUs() - cpuStart;
result.tx = tx.summary();
writeFileSync(config.out, JSON.stringify(result));
await db.$disconnect();
process.exit(0);
