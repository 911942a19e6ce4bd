import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

export interface Spawned {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code once the process has gone (null after a signal). */
  exited: Promise<number | null>;
  /** SIGTERM to the whole process group, SIGKILL after `graceMs`; resolves when it has gone. */
  stop(graceMs?: number): Promise<void>;
}

const running = new Set<ChildProcess>();
// A test run that crashes must not leave servers behind on the shared machine.
process.once("exit", () => {
  for (const child of running) signalGroup(child, "SIGKILL");
});

/** Spawns `command` in its own process group (so its children go with it), capturing output. */
export function spawnGroup(command: string, args: string[], options: SpawnOptions): Spawned {
  const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const exited = new Promise<number | null>((resolve) => {
    child.once("error", (error) => {
      log += `\n${String(error)}`;
      running.delete(child);
      resolve(null);
    });
    child.once("exit", (code) => {
      running.delete(child);
      resolve(code);
    });
  });
  return {
    child,
    output: () => log,
    exited,
    async stop(graceMs = 10_000) {
      if (!running.has(child)) return;
      signalGroup(child, "SIGTERM");
      const timer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group has already gone.
  }
}

/** Polls `probe` until it resolves true; fails with the process's output if it exits or times out. */
export async function waitUntil(what: string, spawned: Spawned, probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  let gone = false;
  void spawned.exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`${what} exited before it was ready:\n${spawned.output()}`);
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  await spawned.stop(1000);
  throw new Error(`${what} not ready within ${timeoutMs / 1000} s:\n${spawned.output()}`);
}
