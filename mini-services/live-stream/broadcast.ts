import type { AnyServer } from "@/server/service/define-handler";
import type { Metrics } from "@/server/service/metrics";
import type { LiveServerToClient } from "@/realtime/live-stream";

/**
 * One emit to a room: the packet is encoded once; for a show's rooms Bun publishes the frame to
 * every subscribed WebSocket natively (index.ts, nativeRooms), and with Redis it is published
 * once to the other instances. Never loop over sockets.
 */
export function broadcast<E extends keyof LiveServerToClient>(
  ctx: { io: AnyServer; metrics: Metrics },
  room: string,
  event: E,
  payload: Parameters<LiveServerToClient[E]>[0],
): void {
  ctx.io.to(room).emit(event, payload);
  ctx.metrics.eventsOut.inc({ event });
}
