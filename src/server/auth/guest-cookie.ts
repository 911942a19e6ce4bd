import { randomUUID } from "node:crypto";
import { env } from "@/server/env";
import { AUDIENCE, issueToken, TTL_SECONDS, type Identity } from "@/server/auth/tokens";

export const SESSION_COOKIE = "calor_session";

export function sessionCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: env().NODE_ENV === "production" && process.env.COOKIE_SECURE !== "false",
    path: "/",
    maxAge: TTL_SECONDS[AUDIENCE.session],
  };
}

export async function sessionCookieValue(identity: Identity): Promise<string> {
  return (await issueToken(identity, env().AUTH_SECRET, AUDIENCE.session)).token;
}

/** A new guest identity; its user row is written only when the guest first needs one. */
export function newGuest(): Identity {
  return { sub: `guest_${randomUUID()}`, role: "GUEST", name: "Guest" };
}
