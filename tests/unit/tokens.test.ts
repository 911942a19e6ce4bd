import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { AUDIENCE, isServiceToken, issueToken, verifyToken } from "@/server/auth/tokens";

const secret = "unit-test-secret-that-is-long-enough-0123456789";
const identity = { sub: "user-1", role: "SHOPPER" as const, name: "Ada" };

describe("realtime tokens", () => {
  it("round-trips an identity", async () => {
    const { token, expiresAt } = await issueToken(identity, secret, AUDIENCE.realtime);
    expect(await verifyToken(token, secret, AUDIENCE.realtime)).toEqual(identity);
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
  });

  it("rejects an expired token", async () => {
    const { token } = await issueToken(identity, secret, AUDIENCE.realtime, Math.floor(Date.now() / 1000) - 3600);
    await expect(verifyToken(token, secret, AUDIENCE.realtime)).rejects.toThrow(/exp/);
  });

  it("rejects a token signed with another key", async () => {
    const { token } = await issueToken(identity, "another-secret-that-is-long-enough-0123456789", AUDIENCE.realtime);
    await expect(verifyToken(token, secret, AUDIENCE.realtime)).rejects.toThrow(/signature/);
  });

  it("rejects alg: none", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    const body = Buffer.from(
      JSON.stringify({ sub: "user-1", role: "ADMIN", name: "x", iss: "calor", aud: AUDIENCE.realtime, exp: Math.floor(Date.now() / 1000) + 60 }),
    ).toString("base64url");
    await expect(verifyToken(`${header}.${body}.`, secret, AUDIENCE.realtime)).rejects.toThrow();
  });

  it("rejects a session token used as a realtime token", async () => {
    const { token } = await issueToken(identity, secret, AUDIENCE.session);
    await expect(verifyToken(token, secret, AUDIENCE.realtime)).rejects.toThrow(/aud/);
  });

  it("rejects a token with an unknown role", async () => {
    const token = await new SignJWT({ role: "ROOT", name: "x" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("u")
      .setIssuer("calor")
      .setAudience(AUDIENCE.realtime)
      .setExpirationTime("1m")
      .sign(new TextEncoder().encode(secret));
    await expect(verifyToken(token, secret, AUDIENCE.realtime)).rejects.toThrow();
  });

  it("compares service tokens exactly", () => {
    expect(isServiceToken("abc", "abc")).toBe(true);
    expect(isServiceToken("abd", "abc")).toBe(false);
    expect(isServiceToken(undefined, "abc")).toBe(false);
  });
});
