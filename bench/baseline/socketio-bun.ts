/**
 * The same fan-out handlers on Bun through @socket.io/bun-engine, without the CALOR bootstrap:
 * separates what the runtime and engine give from what our service adds (auth, rate limits,
 * validation, metrics, the database write).
 *   PORT=4001 bun bench/baseline/socketio-bun.ts
 */
import { Server as Engine } from "@socket.io/bun-engine";
import { Server } from "socket.io";
import { attachFanout } from "./fanout-handlers.mjs";

const io = new Server();
const engine = new Engine({ path: "/socket.io/", cors: { origin: "*" } });
io.bind(engine);
attachFanout(io);

const handler = engine.handler();
const server = Bun.serve({
  port: Number(process.env.PORT ?? 4001),
  hostname: process.env.HOST ?? "127.0.0.1",
  idleTimeout: handler.idleTimeout,
  maxRequestBodySize: handler.maxRequestBodySize,
  websocket: handler.websocket,
  fetch(req, srv) {
    const { pathname } = new URL(req.url);
    if (pathname === "/socket.io/") return engine.handleRequest(req, srv);
    return new Response(pathname === "/health" ? "ok" : "not found", { status: pathname === "/health" ? 200 : 404 });
  },
});
console.log(`socket.io on bun ${Bun.version} (bun-engine) listening on ${server.hostname}:${server.port}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => io.close(() => process.exit(0)));
