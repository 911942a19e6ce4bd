import { supportRooms, type MessageView, type QueuePosition, type QueueChange, type SupportServerToClient } from "@/realtime/support-chat";
import type { AnyServer, AnySocket } from "@/server/service/define-handler";
import type { Metrics } from "@/server/service/metrics";

type Emits = { io: AnyServer; metrics: Metrics };
type Payload<E extends keyof SupportServerToClient> = Parameters<SupportServerToClient[E]>[0];

/** Every support broadcast goes through here: typed by the contract and counted once per emit. */
export function emitTo<E extends keyof SupportServerToClient>(ctx: Emits, rooms: string | string[], event: E, payload: Payload<E>): void {
  ctx.io.to(rooms).emit(event, payload);
  ctx.metrics.eventsOut.inc({ event });
}

/** A message reaches both sides through the session room; an internal note only the agents' rooms. */
export function emitMessage(ctx: Emits, message: MessageView, agentIds: (string | null)[] = []): void {
  const rooms =
    message.kind === "NOTE" ? [...new Set(agentIds.filter((id): id is string => !!id))].map(supportRooms.agent) : supportRooms.session(message.sessionId);
  if (rooms.length) emitTo(ctx, rooms, "message", message);
}

export function emitQueueChange(ctx: Emits, change: QueueChange, positions: QueuePosition[]): void {
  emitTo(ctx, supportRooms.queue(), "queue_changed", change);
  for (const position of positions) emitTo(ctx, supportRooms.session(position.sessionId), "queue_position", position);
}

/** To the calling socket only. */
export function emitToSocket<E extends keyof SupportServerToClient>(ctx: { socket: AnySocket; metrics: Metrics }, event: E, payload: Payload<E>): void {
  ctx.socket.emit(event, payload);
  ctx.metrics.eventsOut.inc({ event });
}
