import { cookies } from "next/headers";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { AppError, isUniqueViolation } from "@/server/errors";
import { newGuest, SESSION_COOKIE, sessionCookieOptions, sessionCookieValue } from "@/server/auth/guest-cookie";
import { AUDIENCE, hasRole, verifyToken, type Identity, type Role } from "@/server/auth/tokens";

export { SESSION_COOKIE };

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
  (await cookies()).set(SESSION_COOKIE, await sessionCookieValue(identity), sessionCookieOptions());
}

export async function clearSession(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}

/**
 * The caller's identity, writing its guest row the first time it is needed (route handlers
 * only). The guest id normally comes from the cookie src/proxy.ts set on the first request; a
 * caller without one (an API client, a blocked third-party cookie) or whose guest was merged
 * into an account gets a new guest and cookie here.
 */
export async function ensureIdentity(): Promise<Identity> {
  const current = await currentIdentity();
  if (current) {
    const user = await db().user.findUnique({ where: { id: current.sub }, select: { id: true, role: true, name: true, mergedIntoId: true } });
    if (user && !user.mergedIntoId) return { sub: user.id, role: user.role, name: user.name };
    if (!user && current.role === "GUEST") return materialiseGuest(current);
  }
  const guest = await materialiseGuest(newGuest());
  await setSession(guest);
  return guest;
}

async function materialiseGuest(guest: Identity): Promise<Identity> {
  try {
    await db().user.create({ data: { id: guest.sub, name: guest.name, role: "GUEST" } });
  } catch (error) {
    // A concurrent first request of the same browser wrote it already.
    if (!isUniqueViolation(error)) throw error;
  }
  return guest;
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
