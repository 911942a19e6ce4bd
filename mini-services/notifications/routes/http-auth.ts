import type { Context } from "hono";
import { AUDIENCE, hasRole, isServiceToken, verifyToken, type Identity } from "@/server/auth/tokens";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";

const bearer = (c: Context) =>
  c.req
    .header("authorization")
    ?.match(/^Bearer\s+(.+)$/i)?.[1]
    ?.trim() ?? null;

/** Other services and the app: the shared service token. */
export function requireServiceToken(c: Context): void {
  if (!isServiceToken(bearer(c), env().SERVICE_TOKEN)) throw new AppError("UNAUTHORIZED", "A valid service token is required");
}

/** An admin's realtime token (from GET /api/realtime/token), or the service token when allowed. */
export async function requireAdmin(c: Context, { orService = false } = {}): Promise<Identity | "service"> {
  const token = bearer(c);
  if (!token) throw new AppError("UNAUTHORIZED", "A bearer token is required");
  if (orService && isServiceToken(token, env().SERVICE_TOKEN)) return "service";
  const identity = await verifyToken(token, env().AUTH_SECRET, AUDIENCE.realtime).catch(() => {
    throw new AppError("UNAUTHORIZED", "The token is invalid or expired");
  });
  if (!hasRole(identity, "ADMIN")) throw new AppError("FORBIDDEN", "Only admins may do this");
  return identity;
}
