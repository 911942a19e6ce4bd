import { readFileSync } from "node:fs";
import type { Db } from "@/server/db/client";
import { testProvider } from "../support/database";

/**
 * HARDENING_SCALE (default 1) shrinks every case's counts, for quick runs on a busy machine;
 * the pass criteria stay the same.
 */
export const SCALE = Number(process.env.HARDENING_SCALE ?? 1);
export const scaled = (n: number, min = 1) => Math.max(min, Math.round(n * SCALE));

/** One line per case with its figures: what CI logs show next to the assertions. */
export function report(name: string, figures: Record<string, string | number | boolean>): void {
  const parts = Object.entries(figures).map(([k, v]) => `${k}=${typeof v === "number" && !Number.isInteger(v) ? v.toFixed(1) : v}`);
  console.log(`[hardening] ${name}: ${parts.join(" ")} (scale ${SCALE})`);
}

/** The value at or below which `q` (0..1) of the samples fall. */
export function quantile(samples: number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Resident memory of a process, from /proc (bytes). */
export function rssBytes(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  if (!kb) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kb) * 1024;
}

export const MB = 1024 * 1024;

/** Row counts of every application table: "nothing changed" in one comparable object. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables =
    testProvider === "postgresql"
      ? await db.$queryRawUnsafe<{ name: string }[]>(
          `SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
        )
      : await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
  const counts: Record<string, number> = {};
  for (const { name } of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    const [row] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS n FROM "${name}"`);
    counts[name] = Number(row?.n ?? 0);
  }
  return counts;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` is true; returns the time it took, or throws after `timeoutMs`. */
export async function within(what: string, timeoutMs: number, probe: () => boolean | Promise<boolean>, everyMs = 25): Promise<number> {
  const started = Date.now();
  while (!(await probe())) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(everyMs);
  }
  return Date.now() - started;
}
