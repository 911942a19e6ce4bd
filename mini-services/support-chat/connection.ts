import { supportRooms } from "@/realtime/support-chat";
import { hasRole } from "@/server/auth/tokens";
import type { AnySocket } from "@/server/service/define-handler";
import type { ServiceContext } from "@/server/service/start-service";
import { runtime } from "./runtime";

/**
 * Agents hear the queue and their own notifications from the moment they connect; the
 * conversations themselves they (re)join explicitly, with the last seq they have.
 */
export async function onConnection(socket: AnySocket): Promise<void> {
  const user = socket.data.user;
  if (!user || !hasRole(user, "AGENT")) return;
  await socket.join([supportRooms.agent(user.sub), supportRooms.queue()]);
}

/** An agent's socket went away: its presence, and the queue's view of that agent, follow. */
export function onDisconnect(socket: AnySocket, ctx: ServiceContext): void {
  const user = socket.data.user;
  if (!user || !hasRole(user, "AGENT")) return;
  const { presence, queueChanged } = runtime();
  void presence
    .drop(user.sub, socket.id)
    .then(() => queueChanged({ agents: [user.sub] }))
    .catch((error) => ctx.log.warn("presence update failed", { error: String(error) }));
}
