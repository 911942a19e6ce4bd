import { env } from "@/server/env";
import { startService } from "@/server/service/start-service";
import { onConnection, onDisconnect } from "./connection";
import { handlers } from "./handlers";
import { startHub, stopHub } from "./hub";
import { routes } from "./routes";

await startService({
  name: "notifications",
  port: env().NOTIFICATIONS_PORT,
  requireAuth: true,
  handlers,
  routes,
  onConnection,
  onDisconnect,
  onStart: startHub,
  onStop: stopHub,
});
