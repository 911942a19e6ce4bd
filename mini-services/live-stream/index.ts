import { env } from "@/server/env";
import { startService } from "@/server/service/start-service";
import { showRoom } from "@/realtime/live-stream";
import { handlers } from "./handlers";
import { live, startRuntime, stopRuntime } from "./runtime";

// Guests may watch without a token; chatting and claiming ask for an identity (requireUser).
await startService({
  name: "live-stream",
  port: env().LIVE_STREAM_PORT,
  requireAuth: false,
  handlers,
  // A show's rooms carry every chat message to every viewer: Bun publishes them natively.
  nativeRooms: (room) => room.startsWith(showRoom("")),
  onStart: startRuntime,
  onDisconnect: (socket) => void live().audience.leaveAll(socket),
  onStop: stopRuntime,
});
