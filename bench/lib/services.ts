import { join } from "node:path";
import { createDb, type Db } from "@/server/db/client";
import { createTestDatabase, testProvider, type TestDatabase } from "../../tests/support/database";
import { startService, type ServiceName } from "../../tests/support/service-process";
import { closeAll } from "./crowd";
import type { LightSocket } from "./light-socket";
import { spawnServer, track, type ServerProcess } from "./processes";

/**
 * Settings every benchmark gives our services: production mode, quiet logs, and the per-address
 * connection cap lifted — all load comes from 127.0.0.1, where the default cap (500) would
 * refuse the crowd before the benchmark measured anything.
 */
export const SERVICE_BENCH_ENV = {
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
  MAX_CONNECTIONS_PER_IP: "1000000",
};

export interface BenchDatabase extends TestDatabase {
  provider: string;
  db: Db;
  close(): Promise<void>;
}

/** A fresh migrated database (SQLite, or PostgreSQL with TEST_DATABASE=postgres) and a client. */
export async function benchDatabase(): Promise<BenchDatabase> {
  const database = await createTestDatabase();
  const db = createDb(database.url);
  return {
    ...database,
    provider: testProvider,
    db,
    async close() {
      await db.$disconnect();
      await database.drop();
    },
  };
}

/**
 * With BENCH_PROFILE_DIR set (the `--profile` flag), services write a CPU profile there when
 * they stop: Bun's sampling profiler, as .cpuprofile and as grep-friendly markdown.
 */
function profileEnv(name: string): Record<string, string> {
  const dir = process.env.BENCH_PROFILE_DIR;
  if (!dir) return {};
  const flags = ["--cpu-prof", "--cpu-prof-md", `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}-${Date.now()}`];
  return { BUN_OPTIONS: flags.join(" ") };
}

/** One of our services as a real Bun process (the same launcher the integration tests use). */
export async function startCalorService(name: ServiceName, databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const allEnv = { ...SERVICE_BENCH_ENV, ...profileEnv(name), ...env };
  const service = await startService(name, { databaseUrl, env: allEnv });
  track(service.child);
  const shown = Object.entries({ ...allEnv, DATABASE_URL: databaseUrl })
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
  return {
    label: name,
    pid: service.child.pid!,
    port: service.port,
    url: service.url,
    command: `${shown} bun ${join("mini-services", name, "index.ts")}  # port ${service.port}, via tests/support/service-process.ts`,
    output: service.output,
    // The bootstrap exits by itself within 10 s of SIGTERM; SIGKILL if it did not.
    stop: async () => {
      const timer = setTimeout(() => void service.kill("SIGKILL"), 12_000);
      await service.kill("SIGTERM");
      clearTimeout(timer);
    },
  };
}

/** The plain Socket.IO baseline on Node, or the same handlers on Bun. */
export function startBaseline(runtime: "node" | "bun"): Promise<ServerProcess> {
  const file = runtime === "node" ? "socketio-node.mjs" : "socketio-bun.ts";
  return spawnServer({
    label: runtime === "node" ? "baseline" : "bun-baseline",
    command: runtime,
    args: [join(import.meta.dir, "..", "baseline", file)],
  });
}

export interface ServiceRun<S> {
  seeded: S;
  database: BenchDatabase;
  server: ServerProcess;
  /** Every socket the benchmark opens goes here, to be closed however the run ends. */
  sockets: LightSocket[];
}

/**
 * A fresh database, seeded, then one of our services on it; `body` measures. Whatever happens,
 * the sockets are closed, the service stopped and the database dropped; on failure the
 * service's last output is printed.
 */
export async function withService<S, T>(
  name: ServiceName,
  seed: (db: Db) => Promise<S>,
  body: (run: ServiceRun<S>) => Promise<T>,
  env: Record<string, string> = {},
): Promise<T> {
  const database = await benchDatabase();
  let server: ServerProcess | null = null;
  const sockets: LightSocket[] = [];
  try {
    const seeded = await seed(database.db);
    server = await startCalorService(name, database.url, env);
    return await body({ seeded, database, server, sockets });
  } catch (error) {
    if (server) console.error(server.output().slice(-2000));
    throw error;
  } finally {
    closeAll(sockets);
    await server?.stop();
    await database.close();
  }
}
