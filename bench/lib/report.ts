import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { MachineInfo } from "./machine";

export type Cell = string | number | null | undefined;

export interface Table {
  columns: string[];
  rows: Cell[][];
}

export interface Section {
  heading: string;
  text?: string;
  table?: Table;
}

export interface Report {
  /** File prefix, e.g. "live-fanout". */
  name: string;
  title: string;
  machine: MachineInfo;
  /** The command that produced the report, exactly as typed. */
  command: string;
  /** The processes it started, exactly (servers, databases). */
  processes: string[];
  /** One line per target or verdict. */
  summary: string[];
  sections: Section[];
  notes?: string[];
  /** Raw figures, written next to the report as JSON (git-ignored). */
  data: unknown;
}

export const resultsDir = () => join(import.meta.dir, "..", "results");

/** Writes bench/results/<name>-<date>.md (committed) and .json (ignored); returns the .md path. */
export function writeReport(report: Report): string {
  const dir = resultsDir();
  mkdirSync(dir, { recursive: true });
  const stamp = report.machine.date.slice(0, 16).replace(/[:T]/g, "-");
  // Two runs in one minute (SQLite then PostgreSQL) must not overwrite each other.
  let base = join(dir, `${report.name}-${stamp}`);
  for (let n = 2; existsSync(`${base}.md`); n++) base = join(dir, `${report.name}-${stamp}-${n}`);
  writeFileSync(`${base}.md`, renderReport(report));
  writeFileSync(`${base}.json`, JSON.stringify({ ...report, sections: undefined }, null, 2));
  return `${base}.md`;
}

export function renderReport(report: Report): string {
  const m = report.machine;
  const lines = [
    `# ${report.title}`,
    "",
    ...report.summary.map((s) => `- ${s}`),
    "",
    "## Machine",
    "",
    markdownTable({
      columns: ["", ""],
      rows: [
        ["date", m.date],
        ["cores (nproc)", m.nproc],
        ["CPU", m.cpuModel],
        ["memory", `${m.memoryGiB} GiB`],
        ["OS", `${m.os}, kernel ${m.kernel}`],
        ["bun / node", `${m.bun} / ${m.node}`],
        ["commit", m.commit],
        ["load average at start (1/5/15 min)", m.loadAverage],
        ["open files limit", m.openFilesLimit],
      ],
    }),
    "",
    "The machine is shared: the `others` column in the tables is CPU that neither the server nor",
    "the generator used (other engineers' builds and tests) during the same window.",
    "",
    "## Commands",
    "",
    "```sh",
    report.command,
    "```",
    "",
    "Processes it started:",
    "",
    "```sh",
    ...report.processes,
    "```",
    "",
  ];
  for (const section of report.sections) {
    lines.push(`## ${section.heading}`, "");
    if (section.text) lines.push(section.text, "");
    if (section.table) lines.push(markdownTable(section.table), "");
  }
  if (report.notes?.length) lines.push("## Notes", "", ...report.notes.map((n) => `- ${n}`), "");
  return lines.join("\n");
}

export function markdownTable(table: Table): string {
  const cell = (c: Cell) => (c === null || c === undefined || (typeof c === "number" && Number.isNaN(c)) ? "–" : String(c).replace(/\|/g, "\\|"));
  return [
    `| ${table.columns.map(cell).join(" | ")} |`,
    `| ${table.columns.map(() => "---").join(" | ")} |`,
    ...table.rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ].join("\n");
}

/**
 * The first line of a report measured while other processes took a real share of the cores:
 * its figures then describe a busy machine, not what the servers can do.
 */
export function busyMachineWarning(othersCores: number[], nproc: number): string[] {
  const seen = othersCores.filter(Number.isFinite);
  if (!seen.length) return [];
  const mean = seen.reduce((a, b) => a + b, 0) / seen.length;
  if (mean < 0.25) return [];
  return [
    `⚠ **Busy machine**: other processes used ${fmt(mean, 2)} of the ${nproc} cores on average (up to ${fmt(Math.max(...seen), 2)}) while this measured; read the figures as a busy machine's, and repeat on a quiet one for capacity.`,
  ];
}

/** Fixed decimals, thousands separated; "–" for missing. */
export function fmt(n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "–";
  return n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
