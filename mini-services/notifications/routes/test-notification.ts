import type { Hono } from "hono";
import { z } from "zod";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { writeOutbox } from "@/server/outbox/write-outbox";
import { nudgeAll } from "../hub";
import { requireAdmin } from "./http-auth";

export const testNotificationSchema = z.object({
  userId: z.string().min(1).max(64),
  title: z.string().trim().min(1).max(120).default("Test notification"),
  body: z.string().trim().max(500).default("If you can read this, notifications reach you."),
  // A path on this site: "//host" and "/\host" would take the reader to another site.
  link: z
    .string()
    .regex(/^\/(?![/\\])/, "must be a path on this site")
    .max(300)
    .nullable()
    .default(null),
});

/** Admins check that a user's devices hear notifications; it lands in their centre too. */
export function testNotificationRoutes(app: Hono): void {
  app.post("/realtime/test/notification", async (c) => {
    await requireAdmin(c);
    const body = testNotificationSchema.parse(await c.req.json());
    const user = await db().user.findUnique({ where: { id: body.userId }, select: { id: true } });
    if (!user) throw new AppError("NOT_FOUND", "No such user", "userId");
    const eventId = await db().$transaction((tx) => writeOutbox(tx, "notification", { ...body, kind: "test" }, { userId: body.userId }));
    nudgeAll();
    return c.json({ eventId }, 202);
  });
}
