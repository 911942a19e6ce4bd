import { env } from "@/server/env";
import { startService } from "@/server/service/start-service";

await startService({ name: "live-stream", port: env().LIVE_STREAM_PORT, requireAuth: true, handlers: [] });
