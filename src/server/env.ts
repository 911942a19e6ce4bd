import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { z } from "zod";

/** The repository root: the nearest folder up from the working directory holding prisma/schema. */
export function projectRoot(from = process.cwd()): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, "prisma", "schema"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(from);
    dir = parent;
  }
}

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const csv = z.string().transform((s) =>
  s
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean),
);

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgres:// (PostgreSQL)")
    .default("file:./prisma/dev.db"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SERVICE_TOKEN: z.string().min(32, "must be at least 32 characters").optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// URL")
    .optional(),
  /** Namespace of every Redis key and channel; defaults to one derived from DATABASE_URL. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, "must be 1-64 letters, digits, '_', '.' or '-'")
    .optional(),
  WEB_PORT: port(3000),
  GATEWAY_PORT: port(8080),
  SUPPORT_CHAT_PORT: port(3031),
  LIVE_STREAM_PORT: port(3032),
  NOTIFICATIONS_PORT: port(3033),
  NOTIFICATIONS_URL: z.string().url().optional(),
  ALLOWED_ORIGINS: csv.default(["http://localhost:8080", "http://127.0.0.1:8080", "http://localhost:3000"]),
  MAX_PAYLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10_000_000)
    .default(64 * 1024),
  SUPPORT_HOURS: z
    .string()
    .regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, "must look like 09:00-18:00")
    .default("00:00-24:00"),
  SUPPORT_TIMEZONE: z.string().default("UTC"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

export type Env = z.infer<typeof envSchema> & { AUTH_SECRET: string; SERVICE_TOKEN: string; ROOT: string };

/**
 * Development and tests may run without secrets: one is generated once per checkout and kept
 * in .calor/dev-secrets.json (git-ignored) so that the app and every service agree on it.
 * Production refuses to start without them.
 */
function devSecrets(root: string): { AUTH_SECRET: string; SERVICE_TOKEN: string } {
  const file = join(root, ".calor", "dev-secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const secrets = { AUTH_SECRET: randomBytes(32).toString("hex"), SERVICE_TOKEN: randomBytes(32).toString("hex") };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600, flag: "wx" });
  return secrets;
}

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>, root = projectRoot()): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new EnvError(`Invalid environment: ${issue.path.join(".")} ${issue.message}`);
  }
  const env = result.data;
  let { AUTH_SECRET, SERVICE_TOKEN } = env;
  if (!AUTH_SECRET || !SERVICE_TOKEN) {
    if (env.NODE_ENV === "production") {
      throw new EnvError(`Invalid environment: ${AUTH_SECRET ? "SERVICE_TOKEN" : "AUTH_SECRET"} is required in production`);
    }
    const dev = devSecrets(root);
    AUTH_SECRET ??= dev.AUTH_SECRET;
    SERVICE_TOKEN ??= dev.SERVICE_TOKEN;
  }
  // A relative SQLite path is relative to the repository, whichever folder a process starts in.
  const DATABASE_URL = env.DATABASE_URL.replace(/^file:(?!\/)(.*)$/, (_, p: string) => `file:${isAbsolute(p) ? p : join(root, p)}`);
  return { ...env, DATABASE_URL, AUTH_SECRET, SERVICE_TOKEN, ROOT: root };
}

let cached: Env | undefined;

/** The validated environment of this process; a bad value ends start-up with one clear line. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);
