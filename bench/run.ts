/**
 * Runs one benchmark, several, or all, each bounded in time, and writes a report per benchmark.
 *   bun bench/run.ts                       # list them
 *   bun bench/run.ts live-fanout --viewers 200 --hold-viewers 0 --step-seconds 3
 *   bun bench/run.ts all                   # every benchmark, defaults (long: ask first)
 *   bun bench/run.ts live-fanout --help
 * Flags after the name go to that benchmark; with "all" they go to every benchmark that has them.
 */
import { COMMON, runBenchmark, shellQuote, usage, type Benchmark, type OptionSpec } from "./lib/benchmark";
import { dbCommit } from "./db-commit";
import { liveFanout } from "./live-fanout";
import { notificationsBench } from "./notifications";
import { offerBurst } from "./offer-burst";
import { redisCost } from "./redis-cost";
import { storefront } from "./storefront";
import { supportChat } from "./support-chat";

const BENCHMARKS = [liveFanout, offerBurst, supportChat, notificationsBench, storefront, redisCost, dbCommit] as unknown as Benchmark[];

const [name, ...argv] = process.argv.slice(2);
const command = ["bun", "bench/run.ts", ...process.argv.slice(2)].map(shellQuote).join(" ");

if (!name || name === "--help") {
  console.log(["usage: bun bench/run.ts <name|all> [flags]", "", ...BENCHMARKS.map((b) => `  ${b.name.padEnd(16)} ${b.description}`)].join("\n"));
  process.exit(0);
}
const chosen = name === "all" ? BENCHMARKS : BENCHMARKS.filter((b) => b.name === name);
if (!chosen.length) {
  console.error(`no benchmark named ${name}; run without arguments for the list`);
  process.exit(2);
}
if (argv.includes("--help")) {
  for (const b of chosen) console.log(usage(b));
  process.exit(0);
}
const reports: string[] = [];
for (const benchmark of chosen) {
  const known = name === "all" ? onlyKnownFlags(benchmark, argv) : argv;
  const { report } = await runBenchmark(benchmark, known, command);
  if (report) reports.push(report);
}
if (reports.length) console.log(`\nreports:\n${reports.map((r) => `  ${r}`).join("\n")}`);
process.exit(0);

/** With "all", a flag one benchmark does not know is left out for it, not an error. */
function onlyKnownFlags(benchmark: Benchmark, args: string[]): string[] {
  const spec: OptionSpec = { ...COMMON, ...benchmark.options };
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const flag = arg.replace(/^--/, "").split("=")[0]!;
    const next = args[i + 1];
    const isBoolean = typeof spec[flag]?.default === "boolean";
    const value = !arg.includes("=") && !isBoolean && next !== undefined && !next.startsWith("--") ? [next] : [];
    if (flag in spec) out.push(arg, ...value);
    i += value.length;
  }
  return out;
}
