/**
 * The baseline: a plain Socket.IO server on Node's http server, as the earlier product's
 * template had it, with the live-stream fan-out handlers. Run with node, not bun.
 *   PORT=4000 node bench/baseline/socketio-node.mjs
 */
import { createServer } from "node:http";
import { Server } from "socket.io";
import { attachFanout } from "./fanout-handlers.mjs";

const httpServer = createServer((req, res) => {
  res.writeHead(req.url === "/health" ? 200 : 404, { "content-type": "text/plain" });
  res.end(req.url === "/health" ? "ok" : "not found");
});
const io = new Server(httpServer, { cors: { origin: "*" } });
attachFanout(io);

httpServer.listen(Number(process.env.PORT ?? 4000), process.env.HOST ?? "127.0.0.1", () => {
  console.log(`socket.io on node ${process.version} listening on ${JSON.stringify(httpServer.address())}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => io.close(() => process.exit(0)));
