import { Server as Engine } from "@socket.io/bun-engine";
import { createAdapter } from "@socket.io/redis-adapter";
import { Hono } from "hono";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { Server } from "socket.io";
import { AUDIENCE, verifyToken } from "@/server/auth/tokens";
import { db, disconnectDb } from "@/server/db/client";
import { env } from "@/server/env";
import { AppError, httpStatus, rejectNul, toErrorBody } from "@/server/errors";
import { logger, type Logger } from "@/server/log";
import type { AnyServer, AnySocket, EventHandler, SocketData } from "@/server/service/define-handler";
import { createConnectionCaps } from "@/server/service/connection-caps";
import { handshakeFrameReleaser } from "@/server/service/handshake-frame";
import { publishRoomsNatively } from "@/server/service/native-rooms";
import { slimHandshake } from "@/server/service/slim-handshake";
import { createMetrics, sampleLoopLag, type Metrics } from "@/server/service/metrics";

export interface ServiceContext {
  io: AnyServer;
  log: Logger;
  metrics: Metrics;
  /** Present when REDIS_URL is set: a general-purpose connection (not the adapter's). */
  redis: Redis | null;
}

export interface ServiceDefinition {
  name: "support-chat" | "live-stream" | "notifications";
  port: number;
  /** Without a valid token a socket is refused; otherwise it connects with user = null. */
  requireAuth: boolean;
  handlers: EventHandler[];
  /** Events per second one identity (or anonymous socket) may send across all events. */
  eventsPerSecond?: number;
  routes?: (app: Hono, ctx: ServiceContext) => void;
  onConnection?: (socket: AnySocket, ctx: ServiceContext) => void | Promise<void>;
  /** When a socket has gone; one shared listener, so a service need not add a closure per socket. */
  onDisconnect?: (socket: AnySocket, ctx: ServiceContext) => void;
  /**
   * Rooms whose broadcasts Bun publishes natively (see native-rooms.ts): the big ones with many
   * broadcasts, e.g. a show's audience. Other rooms keep Socket.IO's per-socket loop.
   */
  nativeRooms?: (room: string) => boolean;
  onStart?: (ctx: ServiceContext) => void | Promise<void>;
  onStop?: (ctx: ServiceContext) => void | Promise<void>;
}

const MAX_CONNECTIONS_PER_IP = Number(process.env.MAX_CONNECTIONS_PER_IP ?? 500);
const MAX_CONNECTIONS_PER_USER = Number(process.env.MAX_CONNECTIONS_PER_USER ?? 20);

/** Starts one real-time service: Bun.serve + Socket.IO on @socket.io/bun-engine, health, metrics. */
export async function startService(def: ServiceDefinition) {
  const config = env();
  const log = logger(def.name);
  const io: AnyServer = new Server<never, never, never, SocketData>({ serveClient: false });
  const metrics = createMetrics(def.name, () => io.of("/").sockets.size);
  const stopLagSampler = sampleLoopLag(metrics);

  const origins = new Set(config.ALLOWED_ORIGINS);
  const caps = createConnectionCaps({ perIp: MAX_CONNECTIONS_PER_IP, perUser: MAX_CONNECTIONS_PER_USER });
  // Bun forgets a request's peer once it is upgraded, so the address is read in allowRequest.
  const requestIps = new WeakMap<Request, string>();
  const engine = new Engine({
    path: "/socket.io/",
    pingInterval: Number(process.env.PING_INTERVAL_MS ?? 25_000),
    pingTimeout: Number(process.env.PING_TIMEOUT_MS ?? 20_000),
    maxHttpBufferSize: config.MAX_PAYLOAD_BYTES,
    cors: { origin: [...origins], credentials: true },
    allowRequest: async (req) => {
      const origin = req.headers.get("origin");
      if (origin && !origins.has(origin)) throw "origin not allowed";
      if (new URL(req.url).searchParams.has("sid")) return;
      const ip = clientIp(req, server);
      if (!caps.takeIp(ip)) throw "too many connections from this address";
      requestIps.set(req, ip);
    },
  });
  io.bind(engine);
  const releaseHandshakeFrame = handshakeFrameReleaser(engine);
  // Only the engine sees the raw request: the connection holds its address's slot until it closes.
  engine.on("connection", (conn, req) => {
    releaseHandshakeFrame(conn);
    caps.bind(conn, requestIps.get(req) ?? "unknown");
    // The Request stays reachable while the connection is open (heap counts: one per socket),
    // and a WeakMap entry with it: drop the entry once read.
    requestIps.delete(req);
  });

  let redis: Redis | null = null;
  let limiterRedis: Redis | null = null;
  let adapterClients: Redis[] = [];
  if (config.REDIS_URL) {
    const options = { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false };
    redis = new Redis(config.REDIS_URL, options);
    const pub = new Redis(config.REDIS_URL, options);
    const sub = pub.duplicate();
    // Every event passes the limiter: a stalled Redis must cost it 250 ms (then the in-memory
    // insurance limiter decides), not freeze every socket until Redis answers.
    limiterRedis = new Redis(config.REDIS_URL, { ...options, commandTimeout: 250 });
    adapterClients = [pub, sub, limiterRedis];
    for (const client of [redis, pub, sub, limiterRedis]) client.on("error", (e) => log.warn("redis error", { error: String(e) }));
    io.adapter(createAdapter(pub, sub));
  }
  const ctx: ServiceContext = { io, log, metrics, redis };
  // Set once Bun listens; broadcasts before that take Socket.IO's own path.
  let listening: Bun.Server<unknown> | null = null;
  if (def.nativeRooms) publishRoomsNatively(io.of("/"), def.nativeRooms, () => listening);

  const points = def.eventsPerSecond ?? 20;
  const limiter: RateLimiterAbstract = limiterRedis
    ? new RateLimiterRedis({
        storeClient: limiterRedis,
        keyPrefix: `rl:${def.name}`,
        points,
        duration: 1,
        insuranceLimiter: new RateLimiterMemory({ points, duration: 1 }),
      })
    : new RateLimiterMemory({ points, duration: 1 });

  io.use(async (socket, next) => {
    const auth = (socket.handshake.auth ?? {}) as { token?: unknown };
    const token = auth.token;
    socket.data.user = null;
    if (typeof token === "string" && token) {
      try {
        socket.data.user = await verifyToken(token, config.AUTH_SECRET, AUDIENCE.realtime);
      } catch {
        return next(Object.assign(new Error("UNAUTHORIZED"), { data: { code: "UNAUTHORIZED", message: "The token is invalid or expired" } }));
      }
      // The identity is in socket.data now; the JWT itself would sit in memory for the socket's life.
      delete auth.token;
    } else if (def.requireAuth) {
      return next(Object.assign(new Error("UNAUTHORIZED"), { data: { code: "UNAUTHORIZED", message: "A token is required" } }));
    }
    const userId = socket.data.user?.sub;
    const slot = userId ? caps.takeUser(socket.conn, userId) : "ok";
    if (slot === "full") {
      return next(Object.assign(new Error("RATE_LIMITED"), { data: { code: "RATE_LIMITED", message: "Too many connections for this account" } }));
    }
    if (slot === "closed") return next(new Error("connection closed during the handshake"));
    slimHandshake(socket);
    next();
  });

  const byEvent = new Map(def.handlers.map((handler) => [handler.event, handler]));
  // One dispatcher for every socket and event (it gets the socket as `this`): a socket costs no
  // closure per event, which is most of what a connection would otherwise hold in the heap.
  function dispatch(this: AnySocket, event: unknown, ...args: unknown[]) {
    const handler = typeof event === "string" ? byEvent.get(event) : undefined;
    // Socket.IO drops a listener's packets once the socket has disconnected; so does this.
    if (handler && this.connected) void run(handler, this, args);
  }
  async function run(handler: EventHandler, socket: AnySocket, args: unknown[]) {
    const ack = typeof args[args.length - 1] === "function" ? (args.pop() as (value: unknown) => void) : undefined;
    const started = performance.now();
    metrics.eventsIn.inc({ event: handler.event });
    try {
      await limiter.consume(socket.data.user?.sub ?? socket.id).catch(() => {
        throw new AppError("RATE_LIMITED", `Slow down: at most ${points} events per second`);
      });
      rejectNul(args[0]);
      const payload = handler.schema.parse(args[0]);
      const result = await handler.handle({ io, socket, log, metrics }, payload);
      ack?.(handler.ack ? handler.ack(result) : { ok: true, data: result ?? null });
    } catch (error) {
      const body = toErrorBody(error);
      if (body.code === "INTERNAL") log.error("handler failed", { event: handler.event, error: String(error), stack: (error as Error)?.stack });
      metrics.errors.inc({ event: handler.event, code: body.code });
      const failure = { code: body.code, message: body.message };
      ack?.(handler.ackError ? handler.ackError(failure) : { ok: false, error: failure });
    } finally {
      metrics.handlerSeconds.observe({ event: handler.event }, (performance.now() - started) / 1000);
    }
  }
  const onDisconnect = def.onDisconnect;
  function disconnected(this: AnySocket) {
    onDisconnect?.(this, ctx);
  }

  io.on("connection", async (socket) => {
    socket.onAny(dispatch);
    if (onDisconnect) socket.on("disconnect", disconnected);
    try {
      await def.onConnection?.(socket, ctx);
    } catch (error) {
      log.error("connection setup failed", { error: String(error) });
      socket.disconnect(true);
    }
  });

  const app = new Hono();
  app.get("/health", (c) => c.json({ status: "ok", service: def.name }));
  app.get("/health/live", (c) => c.json({ status: "ok" }));
  app.get("/health/ready", async (c) => {
    const checks: Record<string, string> = {};
    checks.database = await db()
      .$queryRawUnsafe("SELECT 1")
      .then(
        () => "ok",
        (e) => `down: ${String(e).slice(0, 120)}`,
      );
    if (redis)
      checks.redis = await withTimeout(redis.ping(), 1000).then(
        () => "ok",
        (e) => `down: ${String(e).slice(0, 120)}`,
      );
    const ready = Object.values(checks).every((v) => v === "ok");
    return c.json({ status: ready ? "ready" : "unavailable", checks }, ready ? 200 : 503);
  });
  app.get("/metrics", async (c) => c.text(await metrics.registry.metrics(), 200, { "content-type": metrics.registry.contentType }));
  def.routes?.(app, ctx);
  app.notFound((c) => c.json({ error: { code: "NOT_FOUND", message: "No such route" } }, 404));
  app.onError((error, c) => {
    const body = toErrorBody(error);
    if (body.code === "INTERNAL") log.error("route failed", { path: c.req.path, error: String(error) });
    return c.json({ error: body }, httpStatus(body) as 400);
  });

  await def.onStart?.(ctx);
  const engineHandler = engine.handler();
  const server = Bun.serve({
    port: def.port,
    hostname: process.env.HOST ?? "0.0.0.0",
    idleTimeout: engineHandler.idleTimeout,
    maxRequestBodySize: engineHandler.maxRequestBodySize,
    websocket: engineHandler.websocket,
    fetch(req, srv) {
      // Bun's upgrade needs the original Request object, so it is passed on untouched.
      if (new URL(req.url).pathname === "/socket.io/") return engine.handleRequest(req, srv);
      return app.fetch(req, srv);
    },
  });
  listening = server;
  log.info("listening", { port: server.port, redis: !!redis });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref?.();
    server.stop();
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await def.onStop?.(ctx);
    stopLagSampler();
    await Promise.allSettled([redis?.quit(), ...adapterClients.map((c) => c.quit())]);
    await disconnectDb();
    log.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  return { ...ctx, server, stop };
}

/** The client's address; behind the gateway on this host, the one it forwarded. */
function clientIp(req: Request, server: Bun.Server<unknown>): string {
  const peer = server.requestIP(req)?.address ?? "unknown";
  const viaGateway = peer === "127.0.0.1" || peer === "::1" || peer === "::ffff:127.0.0.1";
  return (viaGateway && req.headers.get("x-forwarded-for")?.split(",")[0]?.trim()) || peer;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms))]);
}
