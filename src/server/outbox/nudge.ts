import { env } from "@/server/env";

/**
 * A fire-and-forget call to the notifications service, authenticated with the service token.
 * Nothing waits on it: what it carries is either in the database already or harmless to lose.
 */
export function postToNotifications(path: string, body?: unknown): void {
  const config = env();
  const base = config.NOTIFICATIONS_URL ?? `http://127.0.0.1:${config.NOTIFICATIONS_PORT}`;
  void fetch(`${base}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${config.SERVICE_TOKEN}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(1000),
  }).catch(() => undefined);
}

/**
 * Tells the notifications service that new outbox rows are committed, so it delivers now rather
 * than at its next poll. If the service is down nothing is lost: it catches up from the outbox
 * when it is back.
 */
export function nudgeNotifications(): void {
  postToNotifications("/internal/outbox/nudge");
}
