import { ensureIdentity } from "@/server/auth/session";
import { AUDIENCE, issueToken } from "@/server/auth/tokens";
import { env } from "@/server/env";
import { json, route } from "@/server/http/route";

/** A short-lived token for the real-time services, for whoever this browser is (guest or account). */
export const GET = route(async () => {
  const identity = await ensureIdentity();
  const { token, expiresAt } = await issueToken(identity, env().AUTH_SECRET, AUDIENCE.realtime);
  return json({ token, expiresAt, user: identity }, { headers: { "cache-control": "no-store" } });
});
