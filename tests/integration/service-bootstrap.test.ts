import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/server/db/client";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startService, type ServiceName, type ServiceProcess } from "../support/service-process";
import { connect } from "../support/socket";
import { createUser, realtimeToken } from "../support/tokens";

// Every service is built on the same bootstrap; each must show it from the outside.
const services: ServiceName[] = ["support-chat", "live-stream", "notifications"];

describe.each(services)("%s bootstrap", (name) => {
  let database: TestDatabase;
  let db: Db;
  let service: ServiceProcess;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url);
    service = await startService(name, { databaseUrl: database.url });
  });
  afterAll(async () => {
    await service?.kill("SIGKILL");
    await db?.$disconnect();
    await database?.drop();
  });

  it("answers health, readiness and metrics", async () => {
    const health = await fetch(`${service.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", service: name });
    expect((await fetch(`${service.url}/health/live`)).status).toBe(200);
    const ready = await fetch(`${service.url}/health/ready`);
    expect(await ready.json()).toMatchObject({ status: "ready", checks: { database: "ok" } });
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toContain("calor_socket_connections");
    expect(metrics).toContain("calor_event_loop_lag_seconds");
  });

  it("accepts a valid token over WebSocket and polling", async () => {
    const { token } = await createUser(db);
    for (const transports of [["websocket"], ["polling"]] as const) {
      const socket = await connect(service.url, { token, transports: [...transports] });
      expect(socket.connected).toBe(true);
      socket.close();
    }
  });

  it("forgets a closed connection's session (the engine's table is trimmed by the bootstrap's own listener)", async () => {
    const base = `${service.url}/socket.io/?EIO=4&transport=polling`;
    const open = await (await fetch(base)).text();
    const { sid } = JSON.parse(open.slice(1)) as { sid: string };
    expect((await fetch(`${base}&sid=${sid}`, { method: "POST", body: "1" })).ok).toBe(true);
    const after = await fetch(`${base}&sid=${sid}`);
    expect(after.status).toBe(400);
    expect(await after.json()).toMatchObject({ message: "Session ID unknown" });
  });

  it("refuses a token signed with another key", async () => {
    const forged = await realtimeToken({ sub: "x", role: "ADMIN", name: "x" }).then((t) => t.slice(0, -4) + "AAAA");
    await expect(connect(service.url, { token: forged })).rejects.toThrow(/UNAUTHORIZED/);
  });

  it("refuses a handshake from a foreign origin", async () => {
    const { token } = await createUser(db);
    await expect(connect(service.url, { token, transports: ["polling"], origin: "https://evil.example" })).rejects.toThrow();
  });

  it("exits cleanly on SIGTERM", async () => {
    const other = await startService(name, { databaseUrl: database.url, env: { LOG_LEVEL: "info" } });
    expect(await other.kill("SIGTERM")).toBe(0);
    expect(other.output()).toContain('"msg":"stopped"');
  });
});
