import type { Hono } from "hono";
import { presenceTracker } from "../hub";
import { requireAdmin } from "./http-auth";

export function statsRoutes(app: Hono): void {
  app.get("/realtime/stats", async (c) => {
    await requireAdmin(c, { orService: true });
    return c.json(await presenceTracker().stats());
  });
}
