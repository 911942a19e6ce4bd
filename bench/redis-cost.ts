/**
 * What the Redis adapter costs per delivery: the same chat fan-out (N viewers, R messages/s)
 * on one live-stream instance without Redis, on one with Redis, and on two instances joined by
 * Redis with the viewers and senders split between them. Redis is a private redis-server on a
 * free port (the shared one carries other test runs on the same adapter channels).
 *   bun bench/run.ts redis-cost --viewers 2000 --rate 20 --seconds 15
 */
import { joinPayload, LIVE_EVENTS, ackOutcome, seedLiveShow } from "./live/adapter";
import { runFanoutStep, type StepResult } from "./live/fanout-step";
import { defineBenchmark, runStandalone, type OptionValues } from "./lib/benchmark";
import { closeAll, connectCrowd } from "./lib/crowd";
import type { LightSocket } from "./lib/light-socket";
import { cpuWindow } from "./lib/proc-stats";
import type { ServerProcess } from "./lib/processes";
import { startRedis } from "./lib/redis";
import { fmt } from "./lib/report";
import { benchDatabase, startCalorService, type BenchDatabase } from "./lib/services";
import { StampTally } from "./lib/stamp";
import { sleep } from "./lib/swarm";

const CONFIGS = {
  one: { instances: 1, redis: false, label: "1 instance, no Redis" },
  "one-redis": { instances: 1, redis: true, label: "1 instance with the Redis adapter" },
  "two-redis": { instances: 2, redis: true, label: "2 instances joined by Redis, viewers split" },
} as const;
type Config = keyof typeof CONFIGS;

const options = {
  viewers: { default: 2000, help: "viewers in the show (split over the instances)" },
  rate: { default: 20, help: "messages/s (the same for every configuration)" },
  seconds: { default: 15, help: "measured window per configuration (after a 3 s warm-up)" },
  senders: { default: 10, help: "sender sockets (split over the instances)" },
  configs: { default: "one,one-redis,two-redis", help: `comma-separated: ${Object.keys(CONFIGS).join(", ")}` },
  "connect-concurrency": { default: 100, help: "handshakes in flight while the crowd connects" },
} as const;
type Options = OptionValues<typeof options>;

interface ConfigResult {
  config: Config;
  error?: string;
  commands: string[];
  step?: StepResult;
  instanceCores: number[];
  redisCores: number;
  totalUsPerDelivery: number;
}

export const redisCost = defineBenchmark({
  name: "redis-cost",
  description: "Redis adapter cost per delivery: one instance vs one with Redis vs two joined by Redis",
  options,
  maxSeconds: (o) => Math.ceil(parseConfigs(o.configs).length * (60 + o.viewers / 50 + o.seconds + 20) + 30),
  async run(o, ctx) {
    const database = await benchDatabase();
    const results: ConfigResult[] = [];
    try {
      const show = await seedLiveShow(database.db, o.viewers + o.senders);
      for (const config of parseConfigs(o.configs)) {
        console.log(`\n== ${config}: ${CONFIGS[config].label}`);
        results.push(
          await runConfig(
            config,
            o,
            database,
            show.showId,
            show.shoppers.map((s) => s.token),
            ctx.deadline,
          ),
        );
      }
    } finally {
      await database.close();
    }
    const base = results.find((r) => r.config === "one" && r.step);
    const summary = results.map((r) =>
      r.step
        ? `**${r.config}** (${CONFIGS[r.config].label}): ${fmt(r.step.deliveriesPerSec)} deliveries/s, p99 ${fmt(r.step.latency.p99, 1)} ms, lost ${fmt(r.step.lost)}, **${fmt(r.totalUsPerDelivery, 2)} µs CPU per delivery** (instances${CONFIGS[r.config].redis ? " + Redis" : ""})${base && r !== base ? `, **+${fmt(r.totalUsPerDelivery - base.totalUsPerDelivery, 2)} µs** over one instance without Redis` : ""}`
        : `**${r.config}**: did not complete — ${r.error}`,
    );
    return {
      title: `Redis adapter cost — ${fmt(o.viewers)} viewers, ${o.rate} msg/s`,
      processes: results.flatMap((r) => r.commands),
      summary,
      sections: [
        {
          heading: "Per configuration",
          table: {
            columns: [
              "configuration",
              "instances",
              "msg/s",
              "deliveries/s",
              "lost",
              "p50 ms",
              "p99 ms",
              "max ms",
              "instance cores",
              "Redis cores",
              "µs/delivery (all)",
              "generator cores",
              "others cores",
            ],
            rows: results.map((r) => [
              CONFIGS[r.config].label,
              CONFIGS[r.config].instances,
              fmt(r.step?.achievedRate, 1),
              fmt(r.step?.deliveriesPerSec),
              fmt(r.step?.lost),
              fmt(r.step?.latency.p50, 1),
              fmt(r.step?.latency.p99, 1),
              fmt(r.step?.latency.max, 1),
              r.instanceCores.map((c) => fmt(c, 2)).join(" + ") || "–",
              fmt(r.redisCores, 2),
              fmt(r.totalUsPerDelivery, 2),
              fmt(r.step?.generatorCores, 2),
              fmt(r.step?.othersCores, 2),
            ]),
          },
        },
      ],
      notes: [
        "CPU per delivery = (CPU of every instance + the private redis-server over the measured window) / deliveries counted at the receivers.",
        "With two instances each viewer and sender connects to instance i mod 2; every message therefore crosses Redis to reach half of the audience. Viewer counts, presence and rate limits also use Redis whenever REDIS_URL is set (the service's shared stores), which is part of the cost measured.",
        "The database is one throwaway database for all configurations (each run starts fresh service processes and a fresh redis-server).",
      ],
      data: { options: o, results },
      othersCores: results.flatMap((r) => (r.step ? [r.step.othersCores] : [])),
    };
  },
});

function parseConfigs(list: string): Config[] {
  const configs = list
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);
  for (const c of configs) if (!(c in CONFIGS)) throw new Error(`unknown configuration ${c}; use ${Object.keys(CONFIGS).join(", ")}`);
  return configs as Config[];
}

async function runConfig(config: Config, o: Options, database: BenchDatabase, showId: string, tokens: string[], deadline: number): Promise<ConfigResult> {
  const spec = CONFIGS[config];
  const result: ConfigResult = { config, commands: [], instanceCores: [], redisCores: 0, totalUsPerDelivery: NaN };
  let redis: ServerProcess | null = null;
  const instances: ServerProcess[] = [];
  const sockets: LightSocket[] = [];
  try {
    if (spec.redis) {
      redis = await startRedis();
      result.commands.push(redis.command);
    }
    for (let i = 0; i < spec.instances; i++) {
      instances.push(await startCalorService("live-stream", database.url, redis ? { REDIS_URL: redis.url } : {}));
    }
    result.commands.push(...instances.map((s) => s.command));

    const tally = new StampTally();
    const join = async (socket: LightSocket) => {
      const outcome = ackOutcome(await socket.emitWithAck(LIVE_EVENTS.join, joinPayload(showId), 15_000));
      if (outcome !== "OK") throw new Error(`${LIVE_EVENTS.join} refused: ${outcome}`);
    };
    const crowdOptions = { concurrency: o["connect-concurrency"], deadlineMs: Math.max(10_000, deadline - Date.now() - 60_000), maxErrors: 20 };
    // Each instance gets every spec.instances-th viewer and sender.
    const viewers: LightSocket[] = [];
    const senders: LightSocket[] = [];
    for (const [index, instance] of instances.entries()) {
      const mine = (list: string[]) => list.filter((_, i) => i % instances.length === index);
      const crowd = await connectCrowd(
        instance.url,
        mine(tokens.slice(0, o.viewers)),
        async (socket) => {
          await join(socket);
          socket.onFrame = (frame) => (tally.record(frame), true);
        },
        crowdOptions,
      );
      if (crowd.failures) throw new Error(`${crowd.failures} viewers could not join: ${crowd.errors.join("; ")}`);
      const sending = await connectCrowd(instance.url, mine(tokens.slice(o.viewers)), join, crowdOptions);
      if (sending.failures) throw new Error(`${sending.failures} senders could not join: ${sending.errors.join("; ")}`);
      viewers.push(...crowd.sockets);
      senders.push(...sending.sockets);
    }
    sockets.push(...viewers, ...senders);
    console.log(`${viewers.length} viewers and ${senders.length} senders on ${instances.length} instance(s)`);
    await sleep(2000);

    const input = {
      receivers: viewers.length,
      senders,
      showId,
      filler: "x".repeat(60),
      tally,
      serverPids: instances.map((s) => s.pid),
      deadline,
      drainMs: 5000,
      p99LimitMs: Infinity,
      rate: o.rate,
    };
    await runFanoutStep({ ...input, tag: 0, seconds: 3 });
    await sleep(1000);
    const perInstance = instances.map((s) => cpuWindow([s.pid]));
    const redisCpu = redis ? cpuWindow([redis.pid]) : null;
    const step = await runFanoutStep({ ...input, tag: 1, seconds: o.seconds });
    result.instanceCores = perInstance.map((w) => w().serverCores);
    const redisWindow = redisCpu?.();
    result.redisCores = redisWindow?.serverCores ?? 0;
    result.step = step;
    result.totalUsPerDelivery = step.received ? step.serverUsPerDelivery + (redisWindow?.serverCpuUs ?? 0) / step.received : NaN;
    console.log(
      `${fmt(step.deliveriesPerSec)} deliveries/s, p99 ${fmt(step.latency.p99, 1)} ms, lost ${step.lost}; instances ${result.instanceCores.map((c) => fmt(c, 2)).join(" + ")} cores, Redis ${fmt(result.redisCores, 2)}; ${fmt(result.totalUsPerDelivery, 2)} µs/delivery`,
    );
  } catch (error) {
    result.error = error instanceof Error ? error.message.split("\n")[0] : String(error);
    console.error(`${config}: ${result.error}`);
    for (const s of instances) console.error(s.output().slice(-1500));
  } finally {
    closeAll(sockets);
    await Promise.all(instances.map((s) => s.stop()));
    await redis?.stop();
  }
  return result;
}

if (import.meta.main) await runStandalone(redisCost);
