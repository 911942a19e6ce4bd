/**
 * Notifications: S shoppers connected to the notifications service; a writer process commits R
 * outbox events a second for D seconds (writeOutbox inside a transaction, then the nudge, as
 * the app does), each addressed to one shopper. Measures commit → socket latency per event and
 * checks that every committed event reached its shopper exactly once.
 *   bun bench/run.ts notifications --shoppers 2000 --rate 1000 --seconds 60
 */
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import type { Db } from "@/server/db/client";
import { TEST_SECRETS } from "../tests/support/env";
import type { WriterConfig, WriterResult } from "./notifications/writer";
import { defineBenchmark, runStandalone } from "./lib/benchmark";
import { connectCrowd } from "./lib/crowd";
import { Histogram } from "./lib/histogram";
import type { LightSocket } from "./lib/light-socket";
import { cpuWindow, machineBusy } from "./lib/proc-stats";
import { track } from "./lib/processes";
import { fmt } from "./lib/report";
import { createUsers } from "./lib/seed";
import { withService } from "./lib/services";
import { sleep, waitUntil } from "./lib/swarm";

const options = {
  shoppers: { default: 2000, help: "connected shoppers (one socket each)" },
  rate: { default: 1000, help: "outbox events committed per second" },
  seconds: { default: 60, help: "how long the writer writes" },
  "per-transaction": {
    default: 10,
    help: "outbox rows per transaction: 10 lets one writer process reach 1,000 events/s; 1 (as the app writes most changes) shows the writer's own bound, ~580 commits/s",
  },
  "max-in-flight": { default: 64, help: "transactions in flight at most; beyond it the writer falls behind (reported)" },
  "p99-ms": { default: 150, help: "target commit → client p99" },
  "connect-concurrency": { default: 100, help: "handshakes in flight while the crowd connects" },
} as const;

const EVENT_FRAME = '42["notification"';
const EVENT_ID = '"eventId":';
const epochNow = () => performance.timeOrigin + performance.now();

export const notificationsBench = defineBenchmark({
  name: "notifications",
  description: "outbox → socket: commit → client p99 and none lost",
  options,
  maxSeconds: (o) => Math.ceil(90 + o.shoppers / 40 + o.seconds + 30),
  async run(o, ctx) {
    const resultFile = join(tmpdir(), `calor-bench-writer-${process.pid}-${Date.now()}.json`);
    const seed = (db: Db) => createUsers(db, o.shoppers, "bench-notified");
    return withService("notifications", seed, async ({ seeded: users, database, server, sockets }) => {
      // Per event id: when and by which shopper's socket it arrived (epoch ms, comparable
      // with the writer's commit times: both processes read the same clock).
      const receivedAt = new Map<number, number>();
      const receivedBy = new Map<number, number>();
      let duplicates = 0;
      const listen = (socket: LightSocket, index: number) => {
        socket.onFrame = (frame) => {
          if (!frame.startsWith(EVENT_FRAME)) return false;
          const at = frame.indexOf(EVENT_ID);
          if (at < 0) return true;
          const id = Number.parseInt(frame.slice(at + EVENT_ID.length, at + EVENT_ID.length + 16), 10);
          if (receivedAt.has(id)) duplicates++;
          else {
            receivedAt.set(id, epochNow());
            receivedBy.set(id, index);
          }
          return true;
        };
      };
      const connected = (socket: LightSocket) =>
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error("no connection:success within 15 s")), 15_000);
          socket.on("connection:success", () => {
            clearTimeout(timer);
            resolve();
          });
        });
      const waits: Promise<void>[] = [];
      const crowd = await connectCrowd(
        server.url,
        users.map((u) => u.token),
        (_socket, index) => waits[index]!,
        { concurrency: o["connect-concurrency"], deadlineMs: Math.max(10_000, ctx.deadline - Date.now() - o.seconds * 1000 - 60_000), maxErrors: 20 },
        // connection:success follows CONNECT at once: listen before any frame arrives.
        (socket, index) => {
          const wait = connected(socket);
          wait.catch(() => undefined); // awaited by the setup above; a socket that never connects is counted there
          waits[index] = wait;
          listen(socket, index);
        },
      );
      sockets.push(...crowd.sockets);
      console.log(`${crowd.sockets.length} shoppers connected (p99 ${fmt(crowd.readyLatency.quantileMs(0.99), 1)} ms, ${crowd.failures} failed)`);
      if (crowd.failures) throw new Error(`${crowd.failures} shoppers could not connect: ${crowd.errors.join("; ")}`);
      await sleep(1000);

      const writerConfig: WriterConfig = {
        databaseUrl: database.url,
        userIds: users.map((u) => u.id),
        rate: o.rate,
        seconds: o.seconds,
        perTransaction: o["per-transaction"],
        maxInFlight: o["max-in-flight"],
        deadline: ctx.deadline - 20_000,
        out: resultFile,
      };
      const cpu = cpuWindow([server.pid]);
      const busy = machineBusy();
      const writer = spawn("bun", [join(import.meta.dir, "notifications", "writer.ts")], {
        env: { ...process.env, ...TEST_SECRETS, NOTIFICATIONS_URL: server.url, BENCH_WRITER_CONFIG: JSON.stringify(writerConfig) },
        stdio: ["ignore", "inherit", "inherit"],
      });
      track(writer);
      const code = await new Promise<number | null>((resolve) => writer.once("exit", resolve));
      if (code !== 0) throw new Error(`the writer exited with ${code}`);
      const written = JSON.parse(readFileSync(resultFile, "utf8")) as WriterResult;
      await waitUntil(() => written.commits.every(([id]) => receivedAt.has(id)), 10_000, 100);
      const window = cpu();
      const writerCores = written.cpuUs / 1000 / window.wallMs;
      const others = Math.max(0, busy() * availableParallelism() - window.serverCores - window.generatorCores - writerCores);

      const latency = new Histogram();
      let lost = 0;
      let misdelivered = 0;
      for (const [id, committedAt, who] of written.commits) {
        const at = receivedAt.get(id);
        if (at === undefined) lost++;
        else {
          latency.recordMs(at - committedAt);
          if (receivedBy.get(id) !== who) misdelivered++;
        }
      }
      const committed = written.commits.length;
      const perSecond = committed / (written.elapsedMs / 1000);
      const l = latency.summary();
      const t = written.tx;
      const ok = lost === 0 && misdelivered === 0 && duplicates === 0 && l.p99 <= o["p99-ms"];
      return {
        title: `Notifications — ${fmt(o.rate)} outbox events/s for ${o.seconds} s to ${fmt(o.shoppers)} shoppers (${database.provider})`,
        processes: [
          server.command,
          `BENCH_WRITER_CONFIG='{…}' bun bench/notifications/writer.ts  # rate ${o.rate}/s, ${o["per-transaction"]} row(s) per transaction`,
        ],
        summary: [
          `${fmt(committed)} events committed (${fmt(perSecond)}/s achieved of ${fmt(o.rate)}/s; ${fmt(written.skipped)} not written because ${o["max-in-flight"]} transactions were already in flight, ${fmt(written.failed)} failed${written.firstError ? `: ${written.firstError}` : ""}; transaction p50 ${fmt(t.p50, 1)} ms, p99 ${fmt(t.p99, 1)} ms)`,
          `commit → client p50 ${fmt(l.p50, 1)} ms, p99 **${fmt(l.p99, 1)} ms**, max ${fmt(l.max, 1)} ms; lost **${fmt(lost)}**, duplicates ${fmt(duplicates)}, to the wrong shopper ${fmt(misdelivered)} — target p99 ≤ ${o["p99-ms"]} ms and none lost: **${ok ? "met" : "NOT met"}**${perSecond < o.rate * 0.98 ? ` (but only ${fmt(perSecond)} events/s were written)` : ""}`,
          `server ${fmt(window.serverCores, 2)} cores, writer ${fmt(writerCores, 2)} cores, receivers ${fmt(window.generatorCores, 2)} cores, others ${fmt(others, 2)} cores`,
        ],
        sections: [
          {
            heading: "Delivery",
            table: {
              columns: [
                "database",
                "shoppers",
                "rows/tx",
                "committed",
                "events/s",
                "delivered",
                "lost",
                "dup",
                "wrong shopper",
                "p50 ms",
                "p90 ms",
                "p99 ms",
                "max ms",
                "tx p50 ms",
                "tx p99 ms",
                "server cores",
                "server µs/event",
                "writer cores",
                "receivers cores",
                "others cores",
              ],
              rows: [
                [
                  database.provider,
                  fmt(crowd.sockets.length),
                  o["per-transaction"],
                  fmt(committed),
                  fmt(perSecond),
                  fmt(receivedAt.size),
                  fmt(lost),
                  fmt(duplicates),
                  fmt(misdelivered),
                  fmt(l.p50, 1),
                  fmt(l.p90, 1),
                  fmt(l.p99, 1),
                  fmt(l.max, 1),
                  fmt(t.p50, 1),
                  fmt(t.p99, 1),
                  fmt(window.serverCores, 2),
                  fmt(window.serverCpuUs / Math.max(1, receivedAt.size), 1),
                  fmt(writerCores, 2),
                  fmt(window.generatorCores, 2),
                  fmt(others, 2),
                ],
              ],
            },
          },
        ],
        notes: [
          "Each event is a `notification` outbox row for one shopper (round-robin), written by bench/notifications/writer.ts with writeOutbox inside db.$transaction, followed by nudgeNotifications() — the path the app takes after a commit. The writer is its own process so its database work does not skew the receivers.",
          "Commit time is when the transaction's promise resolved in the writer; receive time is when the shopper's socket got the `notification` frame, matched by eventId (the outbox id). Both are epoch milliseconds (performance.timeOrigin + performance.now()) on the same machine.",
          "A row the writer could not start because `max-in-flight` transactions were pending is counted as not written, not as lost: the figure to read is the achieved events/s.",
        ],
        othersCores: [others],
        data: {
          options: o,
          provider: database.provider,
          committed,
          perSecond,
          delivered: receivedAt.size,
          lost,
          duplicates,
          misdelivered,
          latency: l,
          tx: t,
          skipped: written.skipped,
          failed: written.failed,
          cpu: window,
          writerCores,
        },
      };
    }).finally(() => rmSync(resultFile, { force: true }));
  },
});

if (import.meta.main) await runStandalone(notificationsBench);
