import { AUDIENCE, issueToken, type Identity, type Role } from "@/server/auth/tokens";
import type { Db } from "@/server/db/client";
import { TEST_SECRETS } from "./env";

export async function realtimeToken(identity: Identity): Promise<string> {
  return (await issueToken(identity, TEST_SECRETS.AUTH_SECRET, AUDIENCE.realtime)).token;
}

let counter = 0;

/** A user row plus a realtime token for it. */
export async function createUser(db: Db, role: Role = "SHOPPER", name?: string) {
  counter += 1;
  const label = name ?? `${role.toLowerCase()}-${counter}`;
  const user = await db.user.create({
    data: { name: label, role, email: role === "GUEST" ? null : `${label}-${Date.now()}-${counter}@test.calor` },
  });
  const identity: Identity = { sub: user.id, role: user.role, name: user.name };
  return { user, identity, token: await realtimeToken(identity) };
}
