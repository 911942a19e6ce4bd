import { env } from "@/server/env";
import { startService } from "@/server/service/start-service";
import { onConnection, onDisconnect } from "./connection";
import { handlers } from "./handlers";
import { runtime, startRuntime } from "./runtime";

await startService({
  name: "support-chat",
  port: env().SUPPORT_CHAT_PORT,
  requireAuth: true,
  handlers,
  onStart: (ctx) => void startRuntime(ctx),
  onConnection,
  onDisconnect,
  onStop: () => runtime().stop(),
});
