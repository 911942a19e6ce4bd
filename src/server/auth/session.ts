import { cookies } from "next/headers";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { AUDIENCE, hasRole, issueToken, TTL_SECONDS, verifyToken, type Identity, type Role } from "@/server/auth/tokens";

export const SESSION_COOKIE = "calor_session";

/** The caller's identity from the session cookie, or null (pages may read, never create). */
export async function currentIdentity(): Promise<Identity | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  try {
    return await verifyToken(token, env().AUTH_SECRET, AUDIENCE.session);
  } catch {
    return null;
  }
}

export async function setSession(identity: Identity): Promise<void> {
  const { token } = await issueToken(identity, env().AUTH_SECRET, AUDIENCE.session);
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().NODE_ENV === "production" && process.env.COOKIE_SECURE !== "false",
    path: "/",
    maxAge: TTL_SECONDS[AUDIENCE.session],
  });
}

export async function clearSession(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}

/**
 * The caller's identity, creating a guest the first time a browser needs one (route handlers
 * only: they may set cookies). A cookie whose user no longer exists starts a new guest.
 */
export async function ensureIdentity(): Promise<Identity> {
  const current = await currentIdentity();
  if (current) {
    const user = await db().user.findUnique({ where: { id: current.sub }, select: { id: true, role: true, name: true, mergedIntoId: true } });
    if (user && !user.mergedIntoId) return { sub: user.id, role: user.role, name: user.name };
  }
  const guest = await db().user.create({ data: { name: "Guest", role: "GUEST" } });
  const identity: Identity = { sub: guest.id, role: guest.role, name: guest.name };
  await setSession(identity);
  return identity;
}

/** The signed-in account (not a guest), or a 401. */
export async function requireAccount(): Promise<Identity> {
  const identity = await currentIdentity();
  if (!identity || identity.role === "GUEST") throw new AppError("UNAUTHORIZED", "Please sign in");
  return identity;
}

export async function requireRole(...roles: Role[]): Promise<Identity> {
  const identity = await requireAccount();
  if (!hasRole(identity, ...roles)) throw new AppError("FORBIDDEN", `Only ${roles.join(" or ").toLowerCase()}s may do this`);
  return identity;
}
