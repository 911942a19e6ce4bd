/**
 * Storefront under load: `next start` on the current production build with a seeded throwaway
 * database; autocannon (its own Node process) drives a product page and GET /api/products with
 * C concurrent connections. A sequential sample first gives each page's server time (time to
 * response headers on loopback, one request at a time).
 *   flock /tmp/calor-build.lock bun run build      # once, when .next is missing or stale
 *   bun bench/run.ts storefront --connections 100 --seconds 20
 */
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { startStack, type Stack } from "../tests/support/stack";
import { defineBenchmark, runStandalone } from "./lib/benchmark";
import { Histogram } from "./lib/histogram";
import { cpuWindow, followCpu, machineBusy, pidListeningOn, processRssBytes } from "./lib/proc-stats";
import { track } from "./lib/processes";
import { fmt, type Cell } from "./lib/report";

const options = {
  connections: { default: 100, help: "concurrent connections (autocannon -c)" },
  seconds: { default: 20, help: "load per endpoint (autocannon -d)" },
  "sample-requests": { default: 200, help: "sequential requests per endpoint for the server time" },
  "warmup-requests": { default: 50, help: "requests per endpoint before measuring (compiles, caches)" },
  "p50-ms": { default: 50, help: "target product page server time p50" },
} as const;

interface AutocannonResult {
  latency: { p50: number; p90: number; p99: number; max: number; average: number };
  requests: { average: number; total: number };
  throughput: { average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

interface EndpointResult {
  name: string;
  path: string;
  serverTime: ReturnType<Histogram["summary"]>;
  bytes: number;
  load: AutocannonResult;
  nextCores: number;
  autocannonCores: number;
  othersCores: number;
  nextRssMiB: number;
}

export const storefront = defineBenchmark({
  name: "storefront",
  description: "next start under autocannon: product page and GET /api/products, p50/p99, req/s, server time",
  options,
  maxSeconds: (o) => Math.ceil(150 + 2 * (o.seconds + 30)),
  async run(o) {
    let stack: Stack | null = null;
    try {
      stack = await startStack({ seed: true, services: [] });
      const product = await stack.db.product.findFirst({ where: { status: "ACTIVE" }, orderBy: { createdAt: "asc" }, select: { slug: true } });
      if (!product) throw new Error("the seeded database has no product");
      const nextPid = pidListeningOn(Number(new URL(stack.webUrl).port));
      if (!nextPid) throw new Error(`no process found listening for ${stack.webUrl}`);
      const endpoints = [
        { name: "product page", path: `/products/${product.slug}` },
        { name: "GET /api/products", path: "/api/products" },
      ];
      const results: EndpointResult[] = [];
      for (const endpoint of endpoints) {
        const url = `${stack.webUrl}${endpoint.path}`;
        const { latency: serverTime, bytes } = await sequential(url, o["warmup-requests"], o["sample-requests"]);
        console.log(`${endpoint.name}: server time p50 ${fmt(serverTime.p50, 1)} ms, p99 ${fmt(serverTime.p99, 1)} ms (${fmt(bytes)} bytes)`);
        const cpu = cpuWindow([nextPid], true);
        const busy = machineBusy();
        const { result, cpuUs } = await autocannon(url, o.connections, o.seconds);
        const window = cpu();
        const autocannonCores = cpuUs / 1000 / window.wallMs;
        const othersCores = Math.max(0, busy() * availableParallelism() - window.serverCores - autocannonCores - window.generatorCores);
        const nextRssMiB = processRssBytes(nextPid, true) / 2 ** 20;
        console.log(
          `${endpoint.name}: ${fmt(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}`,
        );
        results.push({
          ...endpoint,
          serverTime,
          bytes,
          load: result,
          nextCores: window.serverCores,
          autocannonCores,
          othersCores,
          nextRssMiB,
        });
      }
      const page = results[0]!;
      const rows: Cell[][] = results.map((r) => [
        r.name,
        `\`${r.path}\``,
        fmt(r.bytes),
        fmt(r.serverTime.p50, 1),
        fmt(r.serverTime.p99, 1),
        fmt(r.load.requests.average),
        fmt(r.load.latency.p50),
        fmt(r.load.latency.p90),
        fmt(r.load.latency.p99),
        fmt(r.load.latency.max),
        fmt(r.load.non2xx + r.load.errors + r.load.timeouts),
        fmt(r.nextCores, 2),
        fmt(r.autocannonCores, 2),
        fmt(r.othersCores, 2),
        fmt(r.nextRssMiB, 1),
      ]);
      return {
        title: `Storefront — ${o.connections} connections, ${o.seconds} s per endpoint`,
        processes: [
          "startStack({ seed: true, services: [] })  # tests/support/stack.ts: throwaway DB + prisma/seed.ts, next start -H 127.0.0.1 (NODE_ENV=production), Caddy",
          ...endpoints.map((e) => `node node_modules/.bin/autocannon -c ${o.connections} -d ${o.seconds} -j ${stack!.webUrl}${e.path}`),
        ],
        summary: [
          ...results.map(
            (r) =>
              `${r.name}: **${fmt(r.load.requests.average)} req/s**, p50 ${fmt(r.load.latency.p50)} ms, p99 ${fmt(r.load.latency.p99)} ms under ${o.connections} connections; server time p50 ${fmt(r.serverTime.p50, 1)} ms (${fmt(r.load.non2xx + r.load.errors + r.load.timeouts)} errors)`,
          ),
          `product page server time p50 ${fmt(page.serverTime.p50, 1)} ms — target ≤ ${o["p50-ms"]} ms: **${page.serverTime.p50 <= o["p50-ms"] ? "met" : "NOT met"}**`,
        ],
        sections: [
          {
            heading: "Endpoints",
            table: {
              columns: [
                "endpoint",
                "path",
                "bytes",
                "server time p50 ms",
                "server time p99 ms",
                "req/s",
                "p50 ms",
                "p90 ms",
                "p99 ms",
                "max ms",
                "errors",
                "next cores",
                "autocannon cores",
                "others cores",
                "next RSS MiB",
              ],
              rows,
            },
          },
        ],
        notes: [
          "Server time: one request at a time over a kept-alive loopback connection after the warm-up, time from sending the request to the response headers; on loopback that is the server's time.",
          "Under load, autocannon runs as its own Node process (its CPU is reported) against next start directly, not through the gateway.",
          "The Next process's CPU includes its child processes, if any.",
        ],
        data: { options: o, results },
        othersCores: results.map((r) => r.othersCores),
      };
    } catch (error) {
      if (stack) console.error(stack.output().slice(-3000));
      throw error;
    } finally {
      await stack?.stop();
    }
  },
});

/** Warm-up, then `count` requests one after another: time to headers, and the body size. */
async function sequential(url: string, warmup: number, count: number) {
  for (let i = 0; i < warmup; i++) await (await fetch(url)).arrayBuffer();
  const latency = new Histogram();
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(url);
    latency.recordMs(performance.now() - started);
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    bytes = (await response.arrayBuffer()).byteLength;
  }
  return { latency: latency.summary(), bytes };
}

async function autocannon(url: string, connections: number, seconds: number): Promise<{ result: AutocannonResult; cpuUs: number }> {
  const bin = join(import.meta.dir, "..", "node_modules", ".bin", "autocannon");
  const child = spawn("node", [bin, "-c", String(connections), "-d", String(seconds), "-j", url], { stdio: ["ignore", "pipe", "pipe"] });
  track(child);
  const cpu = followCpu(child.pid!);
  let out = "";
  let err = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (err += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), (seconds + 30) * 1000);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearTimeout(timer);
  const cpuUs = cpu.stop();
  if (code !== 0) throw new Error(`autocannon exited with ${code}: ${err.slice(-500)}`);
  return { result: JSON.parse(out) as AutocannonResult, cpuUs };
}

if (import.meta.main) await runStandalone(storefront);
