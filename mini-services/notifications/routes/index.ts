import type { Hono } from "hono";
import type { ServiceContext } from "@/server/service/start-service";
import { broadcastRoutes } from "./broadcast";
import { internalRoutes } from "./internal";
import { statsRoutes } from "./stats";
import { testNotificationRoutes } from "./test-notification";

export function routes(app: Hono, ctx: ServiceContext): void {
  statsRoutes(app);
  broadcastRoutes(app);
  testNotificationRoutes(app);
  internalRoutes(app, ctx);
}
