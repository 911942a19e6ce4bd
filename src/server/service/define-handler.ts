import type { Server, Socket } from "socket.io";
import type { z } from "zod";
import type { Identity } from "@/server/auth/tokens";
import { hasRole, type Role } from "@/server/auth/tokens";
import { AppError, type ErrorCode } from "@/server/errors";
import type { Logger } from "@/server/log";
import type { Metrics } from "@/server/service/metrics";

export interface SocketData {
  user: Identity | null;
}

// Event maps are the contracts in src/realtime; the bootstrap itself is map-agnostic.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyServer = Server<any, any, any, SocketData>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySocket = Socket<any, any, any, SocketData>;

export interface HandlerContext {
  io: AnyServer;
  socket: AnySocket;
  log: Logger;
  metrics: Metrics;
}

/**
 * One socket event: its payload schema and what it does. The bootstrap runs every handler the
 * same way: rate limit, validate, handle (authorize → write → broadcast), ack.
 */
export interface EventHandler<S extends z.ZodType = z.ZodType, R = unknown> {
  event: string;
  schema: S;
  handle(ctx: HandlerContext, payload: z.output<S>): Promise<R> | R;
  /** The success ack; `{ ok: true, data }` unless a documented legacy shape says otherwise. */
  ack?: (result: R) => unknown;
  /** The failure ack, for the same legacy shapes; `{ ok: false, error }` otherwise. */
  ackError?: (error: { code: ErrorCode; message: string }) => unknown;
}

export const defineHandler = <S extends z.ZodType, R>(handler: EventHandler<S, R>) => handler;

export function requireUser(ctx: HandlerContext): Identity {
  const user = ctx.socket.data.user;
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in (or open the shop once) to do this");
  return user;
}

export function requireRole(ctx: HandlerContext, ...roles: Role[]): Identity {
  const user = requireUser(ctx);
  if (!hasRole(user, ...roles)) throw new AppError("FORBIDDEN", `Only ${roles.join(" or ").toLowerCase()}s may do this`);
  return user;
}
