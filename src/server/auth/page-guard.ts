import { forbidden, unauthorized } from "next/navigation";
import { db } from "@/server/db/client";
import { currentIdentity } from "@/server/auth/session";
import { hasRole, type Identity, type Role } from "@/server/auth/tokens";

export const consoles = {
  agent: { role: "AGENT", title: "Agent console", audience: "agents", article: "an agent" },
  host: { role: "HOST", title: "Host console", audience: "hosts", article: "a host" },
  admin: { role: "ADMIN", title: "Admin", audience: "admins", article: "an admin" },
} as const satisfies Record<string, { role: Role; title: string; audience: string; article: string }>;
export type ConsoleName = keyof typeof consoles;

/**
 * The first line of every console page (and its sub-pages): a signed-out visitor gets the
 * segment's unauthorized.tsx with a 401, a wrong role its forbidden.tsx with a 403. The role is
 * read again from the database so a demoted account loses access at once, not when its cookie expires.
 * Pages check on the server: no proxy/middleware is involved, so no header can skip this.
 */
export async function requireConsole(name: ConsoleName): Promise<Identity> {
  const identity = await currentIdentity();
  if (!identity || identity.role === "GUEST") unauthorized();
  const user = await db().user.findUnique({ where: { id: identity.sub }, select: { role: true, name: true, mergedIntoId: true } });
  if (!user || user.mergedIntoId || user.role === "GUEST") unauthorized();
  const fresh: Identity = { sub: identity.sub, role: user.role, name: user.name };
  if (!hasRole(fresh, consoles[name].role)) forbidden();
  return fresh;
}
