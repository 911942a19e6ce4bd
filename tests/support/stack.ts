import { existsSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { createDb, type Db } from "@/server/db/client";
import { projectRoot } from "@/server/env";
import { createTestDatabase } from "./database";
import { TEST_ORIGIN, TEST_SECRETS } from "./env";
import { startGateway } from "./gateway";
import { freePort } from "./ports";
import { spawnGroup, waitUntil } from "./process-group";
import { startService, type ServiceName, type ServiceProcess } from "./service-process";

export interface WebOptions {
  databaseUrl: string;
  /** Base URL of the notifications service, for the outbox nudge. */
  notificationsUrl?: string;
  port?: number;
  env?: Record<string, string>;
}

export interface WebProcess {
  url: string;
  port: number;
  output(): string;
  stop(): Promise<void>;
}

/** `next start` on the current .next production build, answering on a free port. */
export async function startWeb(options: WebOptions): Promise<WebProcess> {
  const root = projectRoot();
  if (!existsSync(join(root, ".next", "BUILD_ID"))) {
    throw new Error("No Next.js production build in .next: run `bun run build` first (npm test does it for you)");
  }
  const port = options.port ?? (await freePort());
  const web = spawnGroup(join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: {
      ...process.env,
      ...TEST_SECRETS,
      NODE_ENV: "production",
      COOKIE_SECURE: "false",
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "warn",
      DATABASE_URL: options.databaseUrl,
      WEB_PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      ...(options.notificationsUrl ? { NOTIFICATIONS_URL: options.notificationsUrl } : {}),
      ...options.env,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  // Any answer will do: a static miss is cheap and touches neither pages nor the database.
  await waitUntil("next start", web, async () => (await fetch(`${url}/_next/static/ready-probe`)).status > 0, 60_000);
  return { url, port, output: web.output, stop: () => web.stop() };
}

export interface StackOptions {
  /** Run prisma/seed.ts (demo catalog and accounts) on the fresh database. */
  seed?: boolean;
  services?: ServiceName[];
  /** Extra environment for the services and Next. */
  env?: Record<string, string>;
}

export interface Stack {
  gatewayUrl: string;
  webUrl: string;
  databaseUrl: string;
  db: Db;
  /** The services asked for (all three by default); others are absent. */
  services: Record<ServiceName, ServiceProcess>;
  /** Everything each process printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const ALL_SERVICES: ServiceName[] = ["support-chat", "live-stream", "notifications"];

/**
 * The whole platform on free ports: a throwaway database, the services, `next start` and Caddy
 * with the project's Caddyfile in front, so a browser goes through the real gateway.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const root = projectRoot();
  const database = await createTestDatabase();
  const cleanups: (() => Promise<unknown>)[] = [() => database.drop()];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    if (options.seed) seed(root, database.url);
    const db = createDb(database.url);
    cleanups.push(() => db.$disconnect());

    const gatewayPort = await freePort();
    const origins = [`http://127.0.0.1:${gatewayPort}`, `http://localhost:${gatewayPort}`, TEST_ORIGIN].join(",");
    const names = options.services ?? ALL_SERVICES;
    const started = await Promise.allSettled(
      names.map((name) => startService(name, { databaseUrl: database.url, env: { ALLOWED_ORIGINS: origins, ...options.env } })),
    );
    const services = {} as Stack["services"];
    for (const result of started) {
      if (result.status === "fulfilled") {
        services[result.value.name] = result.value;
        cleanups.push(() => result.value.kill("SIGTERM"));
      }
    }
    const failed = started.find((r) => r.status === "rejected");
    if (failed) throw failed.reason;

    const web = await startWeb({
      databaseUrl: database.url,
      notificationsUrl: services.notifications?.url,
      env: { ALLOWED_ORIGINS: origins, GATEWAY_PORT: String(gatewayPort), ...options.env },
    });
    cleanups.push(() => web.stop());

    const gateway = await startGateway({
      port: gatewayPort,
      web: `127.0.0.1:${web.port}`,
      services: Object.fromEntries(Object.values(services).map((s) => [s.name, [`127.0.0.1:${s.port}`]])),
    });
    cleanups.push(() => gateway.stop());

    return {
      gatewayUrl: gateway.url,
      webUrl: web.url,
      databaseUrl: database.url,
      db,
      services,
      output: () =>
        [`--- next ---\n${web.output()}`, `--- caddy ---\n${gateway.output()}`, ...Object.values(services).map((s) => `--- ${s.name} ---\n${s.output()}`)].join(
          "\n",
        ),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function seed(root: string, databaseUrl: string) {
  const script = join(root, "prisma", "seed.ts");
  if (!existsSync(script)) {
    console.warn("startStack: prisma/seed.ts does not exist yet, the database stays empty");
    return;
  }
  const run = spawnSync("bun", [script], {
    cwd: root,
    env: { ...process.env, ...TEST_SECRETS, NODE_ENV: "development", DATABASE_URL: databaseUrl },
    encoding: "utf8",
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`bun prisma/seed.ts failed (${run.status ?? run.signal}):\n${run.stdout}${run.stderr}`);
}
