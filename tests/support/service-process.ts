import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { projectRoot } from "@/server/env";
import { TEST_ORIGIN, TEST_SECRETS } from "./env";
import { freePort } from "./ports";

export type ServiceName = "support-chat" | "live-stream" | "notifications";
const portVar: Record<ServiceName, string> = {
  "support-chat": "SUPPORT_CHAT_PORT",
  "live-stream": "LIVE_STREAM_PORT",
  notifications: "NOTIFICATIONS_PORT",
};

export interface ServiceProcess {
  name: ServiceName;
  port: number;
  url: string;
  child: ChildProcess;
  output(): string;
  /** Sends the signal and resolves with the exit code once the process has gone. */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
  /** A new process on the same port and database (after a kill). */
  restart(): Promise<ServiceProcess>;
}

export interface StartOptions {
  databaseUrl: string;
  port?: number;
  env?: Record<string, string>;
}

/** Starts `bun mini-services/<name>/index.ts` as a real process and waits for /health/ready. */
export async function startService(name: ServiceName, options: StartOptions): Promise<ServiceProcess> {
  const root = projectRoot();
  const port = options.port ?? (await freePort());
  const child = spawn("bun", [join(root, "mini-services", name, "index.ts")], {
    cwd: join(root, "mini-services", name),
    env: {
      ...process.env,
      ...TEST_SECRETS,
      NODE_ENV: "test",
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "warn",
      DATABASE_URL: options.databaseUrl,
      ALLOWED_ORIGINS: TEST_ORIGIN,
      HOST: "127.0.0.1",
      [portVar[name]]: String(port),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await waitForReady(url, exited, () => log);
  const service: ServiceProcess = {
    name,
    port,
    url,
    child,
    output: () => log,
    async kill(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    restart: () => startService(name, { ...options, port }),
  };
  return service;
}

async function waitForReady(url: string, exited: Promise<number | null>, log: () => string): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`service exited before it was ready:\n${log()}`);
    const ok = await fetch(`${url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`service not ready at ${url} within 20 s:\n${log()}`);
}
