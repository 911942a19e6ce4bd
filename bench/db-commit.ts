/**
 * What one small write transaction costs, because every chat message, claim and outbox event
 * is one: the libsql driver alone (SQLite's synchronous=FULL, the default, and NORMAL), and
 * through Prisma (an interactive $transaction as the services write, and a single create).
 * Sequential, so the figure is the latency of a commit, whose inverse bounds a process that
 * writes one transaction at a time.
 *   bun bench/run.ts db-commit
 *   TEST_DATABASE=postgres bun bench/run.ts db-commit     # the Prisma rows only
 */
import { createClient } from "@libsql/client";
import { defineBenchmark, runStandalone } from "./lib/benchmark";
import { Histogram } from "./lib/histogram";
import { selfCpuUs } from "./lib/proc-stats";
import { fmt } from "./lib/report";
import { benchDatabase } from "./lib/services";

const options = {
  transactions: { default: 300, help: "transactions per variant, one after another" },
} as const;

interface Row {
  variant: string;
  latency: ReturnType<Histogram["summary"]>;
  /** This process's CPU per transaction: what a single-threaded service pays for each. */
  cpuUs: number;
}

const OUTBOX_INSERT = "INSERT INTO OutboxEvent (topic, payload, everyone, admin, createdAt) VALUES (?, ?, 0, 0, ?)";

export const dbCommit = defineBenchmark({
  name: "db-commit",
  description: "latency of one small write transaction: libsql (synchronous FULL / NORMAL) and Prisma",
  options,
  maxSeconds: (o) => Math.ceil(60 + ((o.transactions + 50) * 4 * 30) / 1000),
  async run(o) {
    const database = await benchDatabase();
    const rows: Row[] = [];
    const time = async (variant: string, write: () => Promise<unknown>) => {
      // Untimed first: compiles, caches and the first connection are not what a busy service pays.
      for (let i = 0; i < Math.min(50, o.transactions); i++) await write();
      const latency = new Histogram();
      const cpuStart = selfCpuUs();
      for (let i = 0; i < o.transactions; i++) {
        const started = performance.now();
        await write();
        latency.recordMs(performance.now() - started);
      }
      const cpuUs = (selfCpuUs() - cpuStart) / o.transactions;
      rows.push({ variant, latency: latency.summary(), cpuUs });
      console.log(`${variant}: p50 ${fmt(latency.quantileMs(0.5), 2)} ms, ${fmt(cpuUs)} µs CPU each`);
    };
    try {
      if (database.provider === "sqlite") {
        for (const sync of ["FULL", "NORMAL"]) {
          // One connection (no pool growth), so the per-connection pragma holds for every commit.
          const raw = createClient({ url: database.url, concurrency: 1 });
          await raw.execute(`PRAGMA synchronous = ${sync}`);
          await time(`libsql transaction, synchronous=${sync}`, async () => {
            const tx = await raw.transaction("write");
            await tx.execute({ sql: OUTBOX_INSERT, args: ["notification", "{}", new Date().toISOString()] });
            await tx.commit();
          });
          raw.close();
        }
      }
      const db = database.db;
      await time("Prisma interactive $transaction (one insert)", () =>
        db.$transaction(async (tx) => tx.outboxEvent.create({ data: { topic: "notification", payload: "{}" } })),
      );
      await time("Prisma single create (implicit transaction)", () => db.outboxEvent.create({ data: { topic: "notification", payload: "{}" } }));
      await time(
        "Prisma $executeRaw insert",
        () =>
          db.$executeRaw`INSERT INTO "OutboxEvent" ("topic", "payload", "everyone", "admin", "createdAt") VALUES (${"notification"}, ${"{}"}, false, false, ${new Date()})`,
      );
    } finally {
      await database.close();
    }
    return {
      title: `One write transaction — ${database.provider}`,
      processes: [`(in process) ${database.provider} throwaway database from tests/support/database.ts`],
      summary: rows.map(
        (r) =>
          `${r.variant}: p50 **${fmt(r.latency.p50, 2)} ms**, p99 ${fmt(r.latency.p99, 2)} ms, **${fmt(r.cpuUs)} µs CPU** in this process → at most ~${fmt(1000 / r.latency.p50)} commits/s one at a time, ~${fmt(1e6 / r.cpuUs)}/s per core`,
      ),
      sections: [
        {
          heading: "Commit latency",
          table: {
            columns: ["variant", "transactions", "p50 ms", "p90 ms", "p99 ms", "max ms", "CPU µs each"],
            rows: rows.map((r) => [
              r.variant,
              r.latency.count,
              fmt(r.latency.p50, 2),
              fmt(r.latency.p90, 2),
              fmt(r.latency.p99, 2),
              fmt(r.latency.max, 2),
              fmt(r.cpuUs),
            ]),
          },
        },
      ],
      notes: [
        "The database is in WAL mode (set by the migration runner). synchronous is a per-connection setting that defaults to FULL: every commit waits for an fsync of the WAL. NORMAL in WAL mode syncs at checkpoints only: committed transactions survive a crash of the process, the last ones may be lost on power loss.",
        "The Prisma rows use the project's createDb() client as the services do; they show what the adapter and the interactive transaction add to a commit.",
      ],
      data: { options: o, provider: database.provider, rows },
    };
  },
});

if (import.meta.main) await runStandalone(dbCommit);
