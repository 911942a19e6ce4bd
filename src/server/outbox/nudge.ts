import { env } from "@/server/env";

/**
 * Tells the notifications service that new outbox rows are committed, so it delivers now rather
 * than at its next poll. Fire-and-forget: if the service is down nothing is lost, it catches up
 * from the outbox when it is back.
 */
export function nudgeNotifications(): void {
  const config = env();
  const base = config.NOTIFICATIONS_URL ?? `http://127.0.0.1:${config.NOTIFICATIONS_PORT}`;
  void fetch(`${base}/internal/outbox/nudge`, {
    method: "POST",
    headers: { authorization: `Bearer ${config.SERVICE_TOKEN}` },
    signal: AbortSignal.timeout(1000),
  }).catch(() => undefined);
}
