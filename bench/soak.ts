/**
 * Soak (hardening case 14): the three services for a long time under steady load — shoppers
 * hearing notifications, viewers watching a show's chat, support pairs talking — measuring each
 * service's memory growth per minute after warm-up, its event-loop lag p99 (from /metrics) and
 * any gap in what clients receive.
 *   bun bench/soak.ts                                   # 30 min, 2,000 connections
 *   bun bench/soak.ts --minutes 2 --warmup-minutes 0.5 --connections 300   # a quick check
 */
import { availableParallelism } from "node:os";
import { nudge, produce } from "../tests/integration/notifications-helpers";
import { createShow } from "../tests/integration/live-helpers";
import { defineBenchmark, runStandalone } from "./lib/benchmark";
import { closeAll, connectCrowd } from "./lib/crowd";
import { LightSocket } from "./lib/light-socket";
import { cpuWindow, machineBusy, processRssBytes } from "./lib/proc-stats";
import { fmt } from "./lib/report";
import { createUsers } from "./lib/seed";
import { benchDatabase, startCalorService } from "./lib/services";
import type { ServerProcess } from "./lib/processes";
import { sleep } from "./lib/swarm";

const options = {
  minutes: { default: 30, help: "how long the steady load runs" },
  "warmup-minutes": { default: 5, help: "left out of the growth and lag figures" },
  connections: { default: 2000, help: "sockets across the services: half notifications, 45 % live viewers, 5 % support" },
  "events-per-second": { default: 10, help: "outbox events committed per second (1 in 10 for everyone, the rest for one shopper)" },
  "chat-per-second": { default: 2, help: "live chat messages per second from the host" },
  "support-every-seconds": { default: 10, help: "each support side sends one message this often" },
  "replay-ring": {
    default: 0,
    help: "the notifications relay's REPLAY_RING_SIZE; 0: 60 % of the warm-up's events, so the ring (a bounded cache) is full before growth is measured",
  },
  "sample-seconds": { default: 10, help: "memory is sampled this often (lag every second)" },
  "growth-mb-per-min": { default: 1, help: "target: memory growth per minute after warm-up, per service" },
  "lag-p99-ms": { default: 50, help: "target: event-loop lag p99 per service" },
} as const;

const SERVICES = ["notifications", "live-stream", "support-chat"] as const;
type Name = (typeof SERVICES)[number];

/** Least-squares slope of y over x. */
function slope(points: [number, number][]): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den ? num / den : NaN;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN;
};

async function loopLagMs(url: string): Promise<number> {
  const text = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(2000) }).then((r) => r.text());
  return Number(/^calor_event_loop_lag_seconds(?:\{[^}]*\})? ([\d.e+-]+)/m.exec(text)?.[1] ?? NaN) * 1000;
}

export const soak = defineBenchmark({
  name: "soak",
  description: "three services, steady load for a long time: memory growth/min, event-loop lag p99, gaps",
  options,
  maxSeconds: (o) => Math.ceil(o.minutes * 60 + 240 + o.connections / 20),
  async run(o) {
    const database = await benchDatabase();
    const servers = {} as Record<Name, ServerProcess>;
    const sockets: LightSocket[] = [];
    try {
      const ring = o["replay-ring"] || Math.max(1, Math.floor(o["events-per-second"] * o["warmup-minutes"] * 60 * 0.6));
      for (const name of SERVICES) {
        const env = { PING_INTERVAL_MS: "10000", PING_TIMEOUT_MS: "10000", ...(name === "notifications" ? { REPLAY_RING_SIZE: String(ring) } : {}) };
        servers[name] = await startCalorService(name, database.url, env);
      }
      const db = database.db;
      const nNotified = Math.round(o.connections * 0.5);
      const pairs = Math.max(1, Math.round((o.connections * 0.05) / 2));
      const nViewers = o.connections - nNotified - 2 * pairs;
      const shoppers = await createUsers(db, nNotified, "soak-notified");
      const viewers = await createUsers(db, nViewers, "soak-viewer");
      const guests = await createUsers(db, pairs, "soak-guest", "GUEST");
      const agents = await createUsers(db, pairs, "soak-agent", "AGENT");
      const [host] = await createUsers(db, 1, "soak-host", "HOST");
      const { show } = await createShow(db, host!.id);
      const crowdOptions = { concurrency: 100, deadlineMs: 120_000, maxErrors: 20 };

      // Notifications: every id a shopper receives, for the gap check at the end.
      const heard: number[][] = shoppers.map(() => []);
      const ready: Promise<void>[] = [];
      const notified = await connectCrowd(
        servers.notifications.url,
        shoppers.map((u) => u.token),
        (_s, i) => ready[i]!,
        crowdOptions,
        (socket, i) => {
          ready[i] = new Promise<void>((resolve) => socket.on("connection:success", () => resolve()));
          socket.onFrame = (frame) => {
            const at = frame.indexOf('"eventId":');
            if (at < 0) return false;
            heard[i]!.push(Number.parseInt(frame.slice(at + 10, at + 26), 10));
            return true;
          };
        },
      );
      sockets.push(...notified.sockets);

      // Live: the host's chat is numbered; a viewer's gap is a number the service accepted that
      // the viewer skipped (the host sends one at a time, so a refusal is known before the next).
      const liveGaps = { gaps: 0, heard: 0 };
      const refusedChat = new Set<number>();
      const lastSeen = new Int32Array(nViewers).fill(-1);
      const watching = await connectCrowd(
        servers["live-stream"].url,
        viewers.map((u) => u.token),
        async (socket) => {
          const ack = await socket.emitWithAck<{ ok: boolean }>("join_stream", { showId: show.id });
          if (!ack.ok) throw new Error("join_stream refused");
        },
        crowdOptions,
        (socket, i) => {
          socket.onFrame = (frame) => {
            if (!frame.startsWith('42["new_message"')) return false;
            const n = Number(/"body":"soak #(\d+)"/.exec(frame)?.[1] ?? NaN);
            if (Number.isNaN(n)) return true;
            liveGaps.heard += 1;
            for (let m = lastSeen[i]! + 1; lastSeen[i]! >= 0 && m < n; m += 1) if (!refusedChat.has(m)) liveGaps.gaps += 1;
            lastSeen[i] = Math.max(lastSeen[i]!, n);
            return true;
          };
        },
      );
      sockets.push(...watching.sockets);
      const hostSocket = await LightSocket.connect(servers["live-stream"].url, { auth: { token: host!.token } });
      sockets.push(hostSocket);
      await hostSocket.emitWithAck("join_stream", { showId: show.id });

      // Support: each side checks that the seqs it hears follow on.
      const supportGaps = { gaps: 0, heard: 0 };
      const sides: { socket: LightSocket; sessionId: string }[] = [];
      for (let p = 0; p < pairs; p += 1) {
        const lastSeq = { shopper: 0, agent: 0 };
        const listen = (who: "shopper" | "agent") => (socket: LightSocket) =>
          socket.on("message", (m: unknown) => {
            const { seq } = m as { seq: number };
            supportGaps.heard += 1;
            if (lastSeq[who] && seq > lastSeq[who] + 1) supportGaps.gaps += seq - lastSeq[who] - 1;
            lastSeq[who] = Math.max(lastSeq[who], seq);
          });
        const shopper = await LightSocket.connect(servers["support-chat"].url, { auth: { token: guests[p]!.token }, prepare: listen("shopper") });
        const agent = await LightSocket.connect(servers["support-chat"].url, { auth: { token: agents[p]!.token }, prepare: listen("agent") });
        sockets.push(shopper, agent);
        await agent.emitWithAck("set_agent_status", { status: "online" });
        const started = await shopper.emitWithAck<{ ok: boolean; data: { session: { id: string; lastSeq: number } } }>("start_session", { topic: `Soak ${p}` });
        const sessionId = started.data.session.id;
        await agent.emitWithAck("claim_session", { sessionId });
        for (const [socket, who] of [
          [shopper, "shopper"],
          [agent, "agent"],
        ] as const) {
          const rejoined = await socket.emitWithAck<{ ok: boolean; data: { session: { lastSeq: number } } }>("rejoin_session", { sessionId, lastSeq: 0 });
          lastSeq[who] = rejoined.data.session.lastSeq;
          sides.push({ socket, sessionId });
        }
      }
      const connected = sockets.length;
      let disconnected = 0;
      for (const s of sockets) s.onClose = () => (disconnected += 1);
      console.log(`${connected} sockets connected (${notified.sockets.length} notifications, ${watching.sockets.length} live, ${sides.length} support)`);

      // Steady load until the end; samples all along.
      const t0 = Date.now();
      const endAt = t0 + o.minutes * 60_000;
      const warmupEnd = t0 + o["warmup-minutes"] * 60_000;
      const produced: { id: number; shopper: number | null }[] = [];
      const errors: string[] = [];
      const note = (e: unknown) => errors.length < 20 && errors.push(String(e));
      /** Sends the service answered with an error ack, by service and code: load it refused, not lost. */
      const refusals: Record<string, number> = {};
      const refused = (service: string, ack: { ok: boolean; error?: { code?: string; message?: string } }) => {
        const key = `${service} ${ack.error?.code ?? "?"}`;
        refusals[key] = (refusals[key] ?? 0) + 1;
        if (ack.error?.message) note(`${key}: ${ack.error.message}`);
      };
      const notificationsLoad = (async () => {
        for (let i = 0; Date.now() < endAt; i += 1) {
          const due = t0 + (i * 1000) / o["events-per-second"];
          await sleep(Math.max(0, due - Date.now()));
          const everyone = i % 10 === 0;
          const shopper = everyone ? null : i % shoppers.length;
          try {
            const id = everyone
              ? await produce(
                  db,
                  "product.updated",
                  { productId: `soak-${i}`, sku: `SOAK-${i}`, name: `Soak ${i}`, priceCents: 100, stock: 10, status: "ACTIVE" },
                  { productId: `soak-${i}`, everyone: true },
                )
              : await produce(
                  db,
                  "notification",
                  { userId: shoppers[shopper!]!.id, kind: "soak", title: `Soak ${i}`, body: "steady load", link: null },
                  { userId: shoppers[shopper!]!.id },
                );
            produced.push({ id, shopper });
            void nudge(servers.notifications.url);
          } catch (e) {
            note(e);
          }
        }
      })();
      let chatSent = 0;
      const liveLoad = (async () => {
        for (let n = 0; Date.now() < endAt; n += 1) {
          await sleep(Math.max(0, t0 + (n * 1000) / o["chat-per-second"] - Date.now()));
          const ack = await hostSocket
            .emitWithAck<{ ok: boolean; error?: { code: string; message: string } }>("send_message", { showId: show.id, body: `soak #${n}` })
            .catch((e) => (note(e), { ok: false }));
          if (ack.ok) chatSent += 1;
          else {
            refusedChat.add(n);
            refused("live-stream send_message", ack);
          }
        }
      })();
      let supportSent = 0;
      const supportLoad = Promise.all(
        sides.map(async ({ socket, sessionId }, s) => {
          await sleep((s * o["support-every-seconds"] * 1000) / sides.length);
          for (let n = 0; Date.now() < endAt; n += 1) {
            const started = Date.now();
            const ack = await socket
              .emitWithAck<{ ok: boolean; error?: { code: string; message: string } }>("send_message", {
                sessionId,
                clientMessageId: `soak-${s}-${n}-${t0}`,
                body: `soak ${n}`,
              })
              .catch((e) => (note(e), { ok: false }));
            if (ack.ok) supportSent += 1;
            else refused("support-chat send_message", ack);
            await sleep(Math.max(0, o["support-every-seconds"] * 1000 - (Date.now() - started)));
          }
        }),
      );
      const memory: Record<Name, [number, number][]> = { notifications: [], "live-stream": [], "support-chat": [] };
      const lag: Record<Name, number[]> = { notifications: [], "live-stream": [], "support-chat": [] };
      const cpu = cpuWindow(SERVICES.map((n) => servers[n].pid));
      const busy = machineBusy();
      const sampler = (async () => {
        for (let tick = 0; Date.now() < endAt; tick += 1) {
          await sleep(Math.max(0, t0 + tick * 1000 - Date.now()));
          const afterWarmup = Date.now() >= warmupEnd;
          for (const name of SERVICES) {
            const ms = await loopLagMs(servers[name].url).catch(() => NaN);
            if (afterWarmup && Number.isFinite(ms)) lag[name].push(ms);
            if (tick % o["sample-seconds"] === 0) memory[name].push([(Date.now() - t0) / 60_000, processRssBytes(servers[name].pid) / 2 ** 20]);
          }
        }
      })();
      await Promise.all([notificationsLoad, liveLoad, supportLoad, sampler]);
      const window = cpu();
      const others = Math.max(0, busy() * availableParallelism() - window.serverCores - window.generatorCores);
      await sleep(3000);

      // Gaps: every produced event its shopper (or everyone) should have heard.
      const expected: number[][] = shoppers.map(() => []);
      for (const { id, shopper } of produced) {
        if (shopper === null) expected.forEach((list) => list.push(id));
        else expected[shopper]!.push(id);
      }
      let missing = 0;
      let duplicates = 0;
      heard.forEach((ids, i) => {
        const got = new Set(ids);
        duplicates += ids.length - got.size;
        missing += expected[i]!.filter((id) => !got.has(id)).length;
      });

      const rows = SERVICES.map((name) => {
        const after = memory[name].filter(([min]) => min >= o["warmup-minutes"]);
        const growth = slope(after);
        const first = memory[name][0]?.[1] ?? NaN;
        const last = memory[name].at(-1)?.[1] ?? NaN;
        return { name, growth, lagP99: quantile(lag[name], 0.99), lagMax: Math.max(...lag[name]), first, last };
      });
      const gaps = missing + liveGaps.gaps + supportGaps.gaps;
      const met = rows.every((r) => r.growth < o["growth-mb-per-min"] && r.lagP99 < o["lag-p99-ms"]) && gaps === 0 && duplicates === 0 && disconnected === 0;
      return {
        title: `Soak — ${fmt(o.minutes, 1)} min, ${fmt(connected)} connections across the three services (${database.provider})`,
        processes: SERVICES.map((n) => servers[n].command),
        othersCores: [others],
        summary: [
          ...rows.map(
            (r) =>
              `${r.name}: memory ${fmt(r.first, 0)} → ${fmt(r.last, 0)} MB, growth after warm-up **${fmt(r.growth, 2)} MB/min** (target < ${o["growth-mb-per-min"]}); event-loop lag p99 **${fmt(r.lagP99, 1)} ms** (target < ${o["lag-p99-ms"]}), max ${fmt(r.lagMax, 1)} ms`,
          ),
          `gaps: notifications ${fmt(missing)} missing of ${fmt(expected.reduce((n, l) => n + l.length, 0))} expected deliveries (duplicates ${fmt(duplicates)}), live chat ${fmt(liveGaps.gaps)} skipped of ${fmt(liveGaps.heard)} heard, support ${fmt(supportGaps.gaps)} skipped of ${fmt(supportGaps.heard)} heard; sockets lost ${fmt(disconnected)} of ${fmt(connected)}`,
          `load: ${fmt(produced.length)} outbox events, ${fmt(chatSent)} live chat messages, ${fmt(supportSent)} support messages (refused: ${Object.keys(refusals).length ? JSON.stringify(refusals) : "none"}); servers ${fmt(window.serverCores, 2)} cores, generator ${fmt(window.generatorCores, 2)} cores, others ${fmt(others, 2)} cores`,
          `all targets: **${met ? "met" : "NOT met"}**${errors.length ? `; errors: ${errors.slice(0, 3).join("; ")}` : ""}`,
        ],
        sections: [
          {
            heading: "Memory (MB) over time",
            table: {
              columns: ["minute", ...SERVICES],
              rows: memory.notifications.map(([min], i) => [fmt(min, 1), ...SERVICES.map((n) => fmt(memory[n][i]?.[1], 1))]),
            },
          },
        ],
        notes: [
          "Memory is VmRSS of each service process; growth is the least-squares slope after warm-up.",
          `The notifications relay keeps the last REPLAY_RING_SIZE events in memory for fast replays (default 20,000): a bounded cache that grows until full. This run sets it to ${fmt(ring)} so it fills during the warm-up; at the default and 10 events/s it fills after ~33 minutes, at about 2 KB per event.`,
          "Lag is the services' own calor_event_loop_lag_seconds gauge (timer drift sampled every 500 ms), scraped every second.",
        ],
        data: {
          rows,
          memory,
          lagSamples: Object.fromEntries(SERVICES.map((n) => [n, lag[n].length])),
          missing,
          duplicates,
          liveGaps,
          supportGaps,
          refusals,
          disconnected,
          errors,
        },
      };
    } catch (error) {
      for (const s of Object.values(servers)) console.error(s.output().slice(-1500));
      throw error;
    } finally {
      closeAll(sockets);
      for (const s of Object.values(servers)) await s.stop();
      await database.close();
    }
  },
});

if (import.meta.main) await runStandalone(soak);
