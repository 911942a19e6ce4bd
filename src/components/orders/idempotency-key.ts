/**
 * One key per checkout attempt. crypto.randomUUID needs a secure context (HTTPS or localhost);
 * getRandomValues works everywhere, so it is the fallback on a plain-HTTP deployment.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}
