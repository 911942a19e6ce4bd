import { env } from "@/server/env";
import { startService } from "@/server/service/start-service";

await startService({ name: "support-chat", port: env().SUPPORT_CHAT_PORT, requireAuth: true, handlers: [] });
