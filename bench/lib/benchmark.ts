import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { machineInfo, type MachineInfo } from "./machine";
import { killAllTracked } from "./processes";
import { busyMachineWarning, resultsDir, writeReport, type Report } from "./report";

type OptionValue = number | string | boolean;
export type OptionSpec = Record<string, { default: OptionValue; help: string }>;
export type OptionValues<S extends OptionSpec> = {
  [K in keyof S]: S[K]["default"] extends number ? number : S[K]["default"] extends boolean ? boolean : string;
};

export interface RunContext {
  machine: MachineInfo;
  /** The command line as typed, for the report. */
  command: string;
  /** Absolute time (Date.now()) by which the benchmark must have stopped. */
  deadline: number;
}

export interface Benchmark<S extends OptionSpec = OptionSpec> {
  name: string;
  description: string;
  options: S;
  /** A hard bound for the whole benchmark, from its options. */
  maxSeconds(options: OptionValues<S>): number;
  run(options: OptionValues<S>, ctx: RunContext): Promise<BenchmarkResult>;
}

export type BenchmarkResult = Omit<Report, "name" | "machine" | "command"> & {
  /** CPU cores other processes used during each measured window (see busyMachineWarning). */
  othersCores?: number[];
};

export const defineBenchmark = <S extends OptionSpec>(benchmark: Benchmark<S>) => benchmark;

/** Flags every benchmark takes. */
export const COMMON = {
  "max-seconds": { default: 0, help: "hard stop for the whole benchmark (0 = its own estimate)" },
  "no-report": { default: false, help: "print only; write no report file" },
  profile: { default: false, help: "our services write a CPU profile to bench/results/profiles/ when they stop" },
} satisfies OptionSpec;

export function parseOptions<S extends OptionSpec>(spec: S, argv: string[]): OptionValues<S & typeof COMMON> {
  const all = { ...COMMON, ...spec };
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(Object.entries(all).map(([name, o]) => [name, { type: typeof o.default === "boolean" ? "boolean" : "string" }])) as Record<
      string,
      { type: "string" | "boolean" }
    >,
    strict: true,
    allowPositionals: false,
  });
  const out: Record<string, OptionValue> = {};
  for (const [name, o] of Object.entries(all)) {
    const raw = values[name];
    if (raw === undefined) out[name] = o.default;
    else if (typeof o.default === "number") {
      const n = Number(raw);
      if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got ${String(raw)}`);
      out[name] = n;
    } else out[name] = raw as OptionValue;
  }
  return out as OptionValues<S & typeof COMMON>;
}

export function usage(benchmark: Benchmark): string {
  const all = { ...benchmark.options, ...COMMON };
  return [
    `${benchmark.name}: ${benchmark.description}`,
    ...Object.entries(all).map(([name, o]) => `  --${name} (default ${JSON.stringify(o.default)})  ${o.help}`),
  ].join("\n");
}

/** Runs one benchmark under a hard deadline, prints its summary, writes its report. */
export async function runBenchmark(benchmark: Benchmark, argv: string[], command: string): Promise<{ report: string | null; summary: string[] }> {
  const options = parseOptions(benchmark.options, argv);
  const seconds = options["max-seconds"] || benchmark.maxSeconds(options);
  const deadline = Date.now() + seconds * 1000;
  const watchdog = setTimeout(
    () => {
      console.error(`${benchmark.name}: hard stop after ${seconds} s`);
      killAllTracked();
      process.exit(3);
    },
    seconds * 1000 + 15_000,
  );
  const machine = machineInfo();
  if (options.profile) {
    process.env.BENCH_PROFILE_DIR = join(resultsDir(), "profiles", `${benchmark.name}-${machine.date.slice(0, 19).replace(/[:T]/g, "-")}`);
    console.log(`CPU profiles of the services go to ${process.env.BENCH_PROFILE_DIR}`);
  }
  console.log(`${benchmark.name}: ${benchmark.description} (bounded to ${seconds} s)`);
  try {
    const result = await benchmark.run(options, { machine, command, deadline });
    result.summary.unshift(...busyMachineWarning(result.othersCores ?? [], machine.nproc));
    console.log(["", ...result.summary.map((s) => `  ${s}`), ""].join("\n"));
    if (options["no-report"]) return { report: null, summary: result.summary };
    const report = writeReport({ ...result, name: benchmark.name, machine, command });
    console.log(`report: ${report}`);
    return { report, summary: result.summary };
  } finally {
    clearTimeout(watchdog);
  }
}

/** For `bun bench/<name>.ts [flags]`: the same as `bun bench/run.ts <name> [flags]`. */
export async function runStandalone(benchmark: Benchmark): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes("--help")) {
    console.log(usage(benchmark));
    return;
  }
  const script = relative(process.cwd(), process.argv[1] ?? "") || process.argv[1] || benchmark.name;
  await runBenchmark(benchmark, argv, ["bun", script, ...argv].map(shellQuote).join(" "));
  process.exit(0);
}

export const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);
