/**
 * The live-stream chat fan-out and nothing else: `join_stream` joins the show's room,
 * `send_message` broadcasts `new_message` to it. The same file serves the Node baseline and the
 * Bun variant, so the runs differ only in runtime and engine. Payload and message shapes follow
 * bench/live/adapter.ts (the live-stream contract) so every delivery carries the same bytes.
 */
export function attachFanout(io) {
  let sequence = 0;
  io.on("connection", (socket) => {
    socket.on("join_stream", (payload, ack) => {
      const showId = String(payload?.showId ?? "");
      socket.data.showId = showId;
      socket.join(`show:${showId}`);
      ack?.({ ok: true, data: { showId, viewers: io.sockets.adapter.rooms.get(`show:${showId}`)?.size ?? 0 } });
    });
    socket.on("send_message", (payload, ack) => {
      const showId = String(payload?.showId ?? socket.data.showId ?? "");
      sequence += 1;
      const message = {
        id: `m${sequence}`,
        showId,
        userId: socket.id,
        userName: "viewer",
        body: String(payload?.body ?? ""),
        highlighted: false,
        fromHost: false,
        createdAt: new Date().toISOString(),
      };
      io.to(`show:${showId}`).emit("new_message", message);
      ack?.({ ok: true, data: message });
    });
  });
}
