import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "../../tests/support/ports";

export interface ServerProcess {
  label: string;
  pid: number;
  port: number;
  url: string;
  /** The command line, for the report. */
  command: string;
  output(): string;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();

/** Every server a benchmark starts goes through here, so none outlives the benchmark. */
export function track(child: ChildProcess): void {
  children.add(child);
  child.once("exit", () => children.delete(child));
}

export function killAllTracked(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

process.once("exit", killAllTracked);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    killAllTracked();
    process.exit(130);
  });
}

export interface SpawnOptions {
  label: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  cwd?: string;
  port?: number;
  /** Env variable that carries the port (default PORT). */
  portVar?: string;
  /** Path polled until it answers 2xx. */
  readyPath?: string;
  readyTimeoutMs?: number;
}

/** Spawns a server on 127.0.0.1 and a free port, and waits until `readyPath` answers. */
export async function spawnServer(options: SpawnOptions): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const env = { ...options.env, [options.portVar ?? "PORT"]: String(port), HOST: "127.0.0.1" };
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  track(child);
  let log = "";
  const keep = (d: Buffer) => (log = (log + d.toString()).slice(-20_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const envText = Object.entries(env)
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
  const server: ServerProcess = {
    label: options.label,
    pid: child.pid!,
    port,
    url,
    command: `${envText} ${options.command} ${options.args.join(" ")}`,
    output: () => log,
    stop: () => stopChild(child, exited),
  };
  await waitForHttp(
    `${url}${options.readyPath ?? "/health"}`,
    options.readyTimeoutMs ?? 30_000,
    () => child.exitCode !== null,
    () => log,
  );
  return server;
}

/** SIGTERM, then SIGKILL if it is still there after 10 s. */
export async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

export async function waitForHttp(url: string, timeoutMs: number, gone: () => boolean, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone()) throw new Error(`server exited before it was ready:\n${log()}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms:\n${log()}`);
}
