import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/server/db/client";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startGateway, type Gateway } from "../support/gateway";
import { startService, type ServiceName, type ServiceProcess } from "../support/service-process";
import { connect } from "../support/socket";
import { createUser } from "../support/tokens";
import { report, within } from "./figures";

// Case 11: per-address and per-account connection caps, with 127.0.0.x acting as other machines.
const PER_IP = 5;
const PER_USER = 3;
const BURST = 20;
const services: ServiceName[] = ["support-chat", "live-stream", "notifications"];

describe.each(services)("connection caps on %s", (name) => {
  let database: TestDatabase;
  let db: Db;
  let service: ServiceProcess;
  let gateway: Gateway;
  const open: Socket[] = [];
  const port = { "support-chat": "3031", "live-stream": "3032", notifications: "3033" }[name];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url);
    service = await startService(name, {
      databaseUrl: database.url,
      env: { MAX_CONNECTIONS_PER_IP: String(PER_IP), MAX_CONNECTIONS_PER_USER: String(PER_USER) },
    });
    gateway = await startGateway({ web: "127.0.0.1:9", services: { [name]: [`127.0.0.1:${service.port}`] } });
  });
  afterAll(async () => {
    open.forEach((s) => s.close());
    await gateway?.stop();
    await service?.kill("SIGKILL");
    await db?.$disconnect();
    await database?.drop();
  });

  const token = async () => (await createUser(db, "SHOPPER")).token;
  const at = (address: string, userToken: string, headers?: { via?: Gateway; xff?: string }) =>
    connect(headers?.via ? headers.via.url : service.url, {
      token: userToken,
      localAddress: address,
      ...(headers?.via ? { origin: "http://localhost:8080", query: { XTransformPort: port } } : {}),
      ...(headers?.xff ? { headers: { "x-forwarded-for": headers.xff } } : {}),
    }).then((s) => {
      open.push(s);
      return s;
    });
  /** How many of `attempts` connected (all started at once). */
  const accepted = async (attempts: Promise<Socket>[]) => (await Promise.allSettled(attempts)).filter((r) => r.status === "fulfilled").length;

  it("refuses an address past its cap while other addresses still get in", async () => {
    const first: Socket[] = [];
    for (let i = 0; i < PER_IP; i += 1) first.push(await at("127.0.0.2", await token()));
    await expect(at("127.0.0.2", await token())).rejects.toThrow();
    await expect(at("127.0.0.2", await token(), { xff: "10.9.8.7" }), "a forged X-Forwarded-For from a non-gateway peer counts for nothing").rejects.toThrow();
    const other = await at("127.0.0.3", await token());
    expect(other.connected).toBe(true);
    // A freed slot is usable again.
    first[0]!.close();
    const waitedMs = await within("slot freed", 5000, () =>
      token()
        .then((t) => at("127.0.0.2", t))
        .then(
          () => true,
          () => false,
        ),
    );
    report(`caps ${name} per address`, { cap: PER_IP, refusedAt: PER_IP + 1, slotFreedMs: waitedMs });
  });

  it("holds the address cap under a burst of simultaneous handshakes", async () => {
    const tokens = await Promise.all(Array.from({ length: BURST }, token));
    const n = await accepted(tokens.map((t) => at("127.0.0.4", t)));
    report(`caps ${name} address burst`, { cap: PER_IP, attempts: BURST, accepted: n });
    expect(n).toBe(PER_IP);
  });

  it("holds the address cap through the gateway, whatever X-Forwarded-For a client sends", async () => {
    const tokens = await Promise.all(Array.from({ length: PER_IP + 2 }, token));
    let n = 0;
    for (const [i, t] of tokens.entries()) {
      n += await at("127.0.0.5", t, { via: gateway, xff: `10.0.0.${i}` }).then(
        () => 1,
        () => 0,
      );
    }
    report(`caps ${name} via gateway`, { cap: PER_IP, attempts: tokens.length, accepted: n });
    expect(n).toBe(PER_IP);
    expect((await at("127.0.0.6", await token(), { via: gateway })).connected).toBe(true);
  });

  it("refuses an account past its cap, alone or in a burst, while other accounts get in", async () => {
    const user = await token();
    for (let i = 0; i < PER_USER; i += 1) await at(`127.0.0.${10 + i}`, user);
    await expect(at("127.0.0.20", user)).rejects.toThrow(/RATE_LIMITED/);
    expect((await at("127.0.0.20", await token())).connected).toBe(true);

    const burstUser = await token();
    const n = await accepted(Array.from({ length: 10 }, (_, i) => at(`127.0.0.${30 + i}`, burstUser)));
    report(`caps ${name} per account`, { cap: PER_USER, burstAttempts: 10, burstAccepted: n });
    expect(n).toBe(PER_USER);
  });
});
