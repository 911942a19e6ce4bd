import { createServer as createHttpServer, type IncomingHttpHeaders, type Server } from "node:http";
import { createServer as createTcpServer, type Server as TcpServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/server/db/client";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startGateway, type Gateway } from "../support/gateway";
import { freePort } from "../support/ports";
import { startService, type ServiceName, type ServiceProcess } from "../support/service-process";
import { connect } from "../support/socket";
import { createUser } from "../support/tokens";

// The project's Caddyfile in front of the three real services and a stand-in for Next.js.
const routes: [ServiceName, string][] = [
  ["support-chat", "3031"],
  ["live-stream", "3032"],
  ["notifications", "3033"],
];

let database: TestDatabase;
let db: Db;
let gateway: Gateway;
const services = {} as Record<ServiceName, ServiceProcess>;
let standIn: Server;
const standInRequests: { url: string; headers: IncomingHttpHeaders }[] = [];
let forbidden: TcpServer;
let forbiddenPort: number;
let forbiddenContacts = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url);
  const gatewayPort = await freePort();
  const origins = `http://127.0.0.1:${gatewayPort},http://localhost:${gatewayPort}`;
  for (const [name] of routes) {
    services[name] = await startService(name, { databaseUrl: database.url, env: { ALLOWED_ORIGINS: origins } });
  }
  standIn = createHttpServer((req, res) => {
    standInRequests.push({ url: req.url ?? "", headers: req.headers });
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ from: "stand-in-next" }));
  });
  await new Promise<void>((resolve) => standIn.listen(0, "127.0.0.1", resolve));
  // A listener that must never be reached through the gateway, whatever the client asks for.
  forbidden = createTcpServer((socket) => {
    forbiddenContacts += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => forbidden.listen(0, "127.0.0.1", resolve));
  forbiddenPort = (forbidden.address() as { port: number }).port;

  gateway = await startGateway({
    port: gatewayPort,
    web: `127.0.0.1:${(standIn.address() as { port: number }).port}`,
    services: Object.fromEntries(routes.map(([name]) => [name, [`127.0.0.1:${services[name].port}`]])),
  });
});

afterAll(async () => {
  await gateway?.stop();
  await Promise.all(Object.values(services).map((s) => s.kill("SIGKILL")));
  standIn?.close();
  forbidden?.close();
  await db?.$disconnect();
  await database?.drop();
});

async function openConnections(service: ServiceProcess): Promise<number> {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  return Number(/^calor_socket_connections\{[^}]*\} (\d+)/m.exec(text)?.[1]);
}

describe.each(routes)("%s behind the gateway (XTransformPort=%s)", (name, port) => {
  it("serves the service's health under its port", async () => {
    const res = await fetch(`${gateway.url}/health?XTransformPort=${port}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", service: name });
    expect((await fetch(`${gateway.url}/health/ready?XTransformPort=${port}`)).status).toBe(200);
  });

  it("hands a polling handshake to that service and to no other", async () => {
    const res = await fetch(`${gateway.url}/socket.io/?EIO=4&transport=polling&XTransformPort=${port}`);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body.startsWith("0{")).toBe(true);
    const { sid } = JSON.parse(body.slice(1)) as { sid: string };
    // Only the process that made the session knows its id (a pong packet is harmless to send).
    for (const [other] of routes) {
      const direct = await fetch(`${services[other].url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, { method: "POST", body: "3" });
      await direct.arrayBuffer();
      expect(direct.status, `${other} asked about a ${name} session`).toBe(other === name ? 200 : 400);
    }
  });

  it.each([["websocket"], ["polling"]] as const)("connects a socket.io client over %s to that service", async (transport) => {
    const { token } = await createUser(db);
    const socket = await connect(gateway.url, {
      token,
      transports: [transport],
      origin: `http://localhost:${gateway.port}`,
      query: { XTransformPort: port },
    });
    try {
      expect(socket.connected).toBe(true);
      for (const [other] of routes) expect(await openConnections(services[other]), other).toBe(other === name ? 1 : 0);
    } finally {
      socket.close();
    }
    await expect.poll(() => openConnections(services[name])).toBe(0);
  });
});

describe("everything else", () => {
  it.each(["5432", "6379", "3000", "8080", "", "3031x"])("refuses XTransformPort=%s with a JSON 403", async (port) => {
    const res = await fetch(`${gateway.url}/socket.io/?EIO=4&transport=polling&XTransformPort=${port}`);
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
  });

  it("never contacts a port named in XTransformPort", async () => {
    const before = standInRequests.length;
    for (const path of ["/", "/socket.io/?EIO=4&transport=polling&"]) {
      const res = await fetch(`${gateway.url}${path}${path.includes("?") ? "" : "?"}XTransformPort=${forbiddenPort}`);
      expect(res.status).toBe(403);
    }
    expect(forbiddenContacts).toBe(0);
    expect(standInRequests.length).toBe(before);
  });

  it("sends other requests to Next.js without a client's x-middleware-subrequest", async () => {
    const res = await fetch(`${gateway.url}/products/anything?page=2`, {
      headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware", "x-probe": "kept" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ from: "stand-in-next" });
    const seen = standInRequests.at(-1)!;
    expect(seen.url).toBe("/products/anything?page=2");
    expect(seen.headers["x-probe"]).toBe("kept");
    expect(seen.headers["x-middleware-subrequest"]).toBeUndefined();
  });
});
