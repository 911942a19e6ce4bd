import type { Hono } from "hono";
import { z } from "zod";
import { notificationMessageSchema, rooms } from "@/realtime/notifications";
import type { ServiceContext } from "@/server/service/start-service";
import { nudgeAll } from "../hub";
import { requireServiceToken } from "./http-auth";

const readSyncSchema = notificationMessageSchema.extend({ userId: z.string().min(1).max(64) });

/** Calls from the Next app, authenticated with the service token. */
export function internalRoutes(app: Hono, ctx: ServiceContext): void {
  app.post("/internal/outbox/nudge", (c) => {
    requireServiceToken(c);
    nudgeAll();
    return c.body(null, 204);
  });

  // Read marks are state, not events: the centre is re-read on reconnect, so a lost sync costs nothing.
  app.post("/internal/notifications/read", async (c) => {
    requireServiceToken(c);
    const { userId, ...message } = readSyncSchema.parse(await c.req.json());
    ctx.io.to(rooms.user(userId)).emit("notification:message", message);
    ctx.metrics.eventsOut.inc({ event: "notification:message" });
    return c.body(null, 204);
  });
}
