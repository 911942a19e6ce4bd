import type { AnyServer } from "@/server/service/define-handler";
import type { Metrics } from "@/server/service/metrics";
import type { LiveServerToClient } from "@/realtime/live-stream";

/**
 * One emit to a room: Socket.IO encodes the packet once and hands the same frame to every
 * socket (and, with Redis, publishes it once to the other instances). Never loop over sockets.
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
