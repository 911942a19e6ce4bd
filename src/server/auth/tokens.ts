import { createHash, timingSafeEqual } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { z } from "zod";

export const roleSchema = z.enum(["GUEST", "SHOPPER", "AGENT", "HOST", "ADMIN"]);
export type Role = z.infer<typeof roleSchema>;

/** Who a request or a socket acts for. Guests are users too (see identity.prisma). */
export const identitySchema = z.object({
  sub: z.string().min(1),
  role: roleSchema,
  name: z.string(),
});
export type Identity = z.infer<typeof identitySchema>;

export const AUDIENCE = { session: "calor-session", realtime: "calor-realtime" } as const;
export type Audience = (typeof AUDIENCE)[keyof typeof AUDIENCE];

export const TTL_SECONDS = { [AUDIENCE.session]: 60 * 60 * 24 * 30, [AUDIENCE.realtime]: 60 * 15 } as const;

const keys = new Map<string, Promise<CryptoKey>>();
/** The secret imported once as an HMAC key: given raw bytes, jose would import it on every check. */
function key(secret: string): Promise<CryptoKey> {
  let imported = keys.get(secret);
  if (!imported) {
    imported = crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    keys.set(secret, imported);
  }
  return imported;
}

export async function issueToken(
  identity: Identity,
  secret: string,
  audience: Audience,
  now = Math.floor(Date.now() / 1000),
): Promise<{ token: string; expiresAt: string }> {
  const exp = now + TTL_SECONDS[audience];
  const token = await new SignJWT({ role: identity.role, name: identity.name })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(identity.sub)
    .setIssuer("calor")
    .setAudience(audience)
    .setIssuedAt(now)
    .setExpirationTime(exp)
    .sign(await key(secret));
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

/** Only HS256 is accepted: `alg: none` and every other algorithm are refused by jose. */
export async function verifyToken(token: string, secret: string, audience: Audience): Promise<Identity> {
  const { payload } = await jwtVerify(token, await key(secret), { algorithms: ["HS256"], issuer: "calor", audience });
  return identitySchema.parse({ sub: payload.sub, role: payload.role, name: payload.name });
}

/** Constant-time check of the shared service token other services present over HTTP. */
export function isServiceToken(presented: string | null | undefined, expected: string): boolean {
  if (!presented) return false;
  const a = createHash("sha256").update(presented).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

export const hasRole = (identity: Identity | null | undefined, ...roles: Role[]) => !!identity && (identity.role === "ADMIN" || roles.includes(identity.role));
