import { requireRole } from "@/server/auth/session";
import type { Identity } from "@/server/auth/tokens";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";

/**
 * The gate of every /api/admin route: the session must say ADMIN, and so must the database
 * (as the console pages check), so a demoted admin loses the API at once, not when the cookie expires.
 */
export async function requireAdmin(): Promise<Identity> {
  const identity = await requireRole("ADMIN");
  const user = await db().user.findUnique({ where: { id: identity.sub }, select: { role: true, mergedIntoId: true } });
  if (!user || user.mergedIntoId || user.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only admins may do this");
  return identity;
}
