import { mkdtempSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/server/env";

const root = () => {
  const dir = mkdtempSync(join(tmpdir(), "calor-env-"));
  mkdirSync(join(dir, "prisma", "schema"), { recursive: true });
  return dir;
};
const secrets = { AUTH_SECRET: "a".repeat(32), SERVICE_TOKEN: "b".repeat(32) };

describe("environment", () => {
  it("applies defaults and resolves a relative SQLite path against the repository", () => {
    const dir = root();
    const env = parseEnv({ ...secrets }, dir);
    expect(env.SUPPORT_CHAT_PORT).toBe(3031);
    expect(env.LIVE_STREAM_PORT).toBe(3032);
    expect(env.NOTIFICATIONS_PORT).toBe(3033);
    expect(env.GATEWAY_PORT).toBe(8080);
    expect(env.DATABASE_URL).toBe(`file:${join(dir, "prisma", "dev.db")}`);
  });

  it("keeps a PostgreSQL URL as it is", () => {
    const url = "postgresql://postgres@127.0.0.1:5432/calor";
    expect(parseEnv({ ...secrets, DATABASE_URL: url }, root()).DATABASE_URL).toBe(url);
  });

  it("explains a bad value in one line", () => {
    expect(() => parseEnv({ ...secrets, SUPPORT_CHAT_PORT: "seventy" }, root())).toThrow(/^Invalid environment: SUPPORT_CHAT_PORT/);
    expect(() => parseEnv({ ...secrets, DATABASE_URL: "mysql://x" }, root())).toThrow(/DATABASE_URL must start with/);
    expect(() => parseEnv({ ...secrets, AUTH_SECRET: "short" }, root())).toThrow(/AUTH_SECRET must be at least 32/);
  });

  it("refuses to start in production without secrets", () => {
    expect(() => parseEnv({ NODE_ENV: "production" }, root())).toThrow(/AUTH_SECRET is required in production/);
  });

  it("generates development secrets once per checkout and reuses them", () => {
    const dir = root();
    const first = parseEnv({}, dir);
    const second = parseEnv({}, dir);
    expect(first.AUTH_SECRET).toHaveLength(64);
    expect(second.AUTH_SECRET).toBe(first.AUTH_SECRET);
    expect(second.SERVICE_TOKEN).toBe(first.SERVICE_TOKEN);
  });
});
