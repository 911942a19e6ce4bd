import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** Clock ticks per second for /proc/<pid>/stat times (100 on every Linux we know, but ask). */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system, µs) of one process, or of it and all its descendants. */
export function processCpuUs(pid: number, withChildren = false): number {
  const pids = withChildren ? descendants(pid) : [pid];
  let ticks = 0;
  for (const p of pids) {
    const fields = statFields(p);
    if (fields) ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
  }
  return (ticks / TICKS_PER_SECOND) * 1e6;
}

/** Resident memory in bytes (VmRSS), summed over descendants when asked. */
export function processRssBytes(pid: number, withChildren = false): number {
  const pids = withChildren ? descendants(pid) : [pid];
  let kib = 0;
  for (const p of pids) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      kib += Number(match?.[1] ?? 0);
    } catch {
      // the process ended between listing and reading
    }
  }
  return kib * 1024;
}

/** The generator's own CPU time (µs), user + system. */
export function selfCpuUs(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

/** Fields of /proc/<pid>/stat after the command name (index 0 = state, 11 = utime, 12 = stime). */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const parent = Number(statFields(pid)?.[1]);
    if (!parent) continue;
    const list = children.get(parent);
    if (list) list.push(pid);
    else children.set(parent, [pid]);
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

export interface CpuWindow {
  wallMs: number;
  serverCpuUs: number;
  generatorCpuUs: number;
  /** Cores busy on average over the window (1.0 = one core fully). */
  serverCores: number;
  generatorCores: number;
}

/** Starts measuring CPU of the server (pid, optionally with children) and of this process. */
export function cpuWindow(serverPids: number[], withChildren = false): () => CpuWindow {
  const serverCpu = () => serverPids.reduce((sum, pid) => sum + processCpuUs(pid, withChildren), 0);
  const start = { wall: performance.now(), server: serverCpu(), self: selfCpuUs() };
  return () => {
    const wallMs = performance.now() - start.wall;
    const serverCpuUs = serverCpu() - start.server;
    const generatorCpuUs = selfCpuUs() - start.self;
    return {
      wallMs,
      serverCpuUs,
      generatorCpuUs,
      serverCores: serverCpuUs / 1000 / wallMs,
      generatorCores: generatorCpuUs / 1000 / wallMs,
    };
  };
}

/** Whole-machine busy fraction over a window, from /proc/stat (others share these cores). */
export function machineBusy(): () => number {
  const read = () => {
    const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
    const total = cpu.reduce((a, b) => a + b, 0);
    return { idle, total };
  };
  const start = read();
  return () => {
    const end = read();
    const total = end.total - start.total;
    return total > 0 ? 1 - (end.idle - start.idle) / total : NaN;
  };
}

/** The pid of the process listening on a local TCP port (one of ours), from /proc/net/tcp*. */
export function pidListeningOn(port: number): number | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[1]?.endsWith(`:${hexPort}`) && cols[3] === "0A") inodes.add(cols[9]!);
    }
  }
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // not ours, or gone
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${entry}/fd/${fd}`);
        if (target.startsWith("socket:[") && inodes.has(target.slice(8, -1))) return Number(entry);
      } catch {
        // closed meanwhile
      }
    }
  }
  return null;
}

/**
 * Follows a child's CPU time while it runs (its /proc entry goes with it, so the last sample
 * is what remains); `stop()` returns the CPU µs seen.
 */
export function followCpu(pid: number, everyMs = 200): { stop(): number } {
  const start = processCpuUs(pid, true);
  let last = start;
  const timer = setInterval(() => {
    const now = processCpuUs(pid, true);
    if (now > 0) last = now;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const now = processCpuUs(pid, true);
      return Math.max(now, last) - start;
    },
  };
}
