import { env } from "@/server/env";
import { startService } from "@/server/service/start-service";

await startService({ name: "notifications", port: env().NOTIFICATIONS_PORT, requireAuth: true, handlers: [] });
