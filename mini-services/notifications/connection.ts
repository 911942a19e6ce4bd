import { z } from "zod";
import type { ConnectionSuccess } from "@/realtime/notifications";
import type { AnySocket } from "@/server/service/define-handler";
import type { ServiceContext } from "@/server/service/start-service";
import { config, presenceTracker, relay } from "./hub";
import { replayThenGoLive } from "./relay/replay";
import { openSession } from "./sessions";

const lastEventIdSchema = z.coerce.number().int().min(0);

/** `auth.lastEventId` from the handshake: where a reconnecting client left off. */
function resumePoint(auth: unknown): number | null {
  const raw = (auth as { lastEventId?: unknown } | undefined)?.lastEventId;
  if (raw === undefined || raw === null || raw === "") return null;
  const parsed = lastEventIdSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Presence, then replay of what the client missed (if it says where it left off), then live. */
export async function onConnection(socket: AnySocket, ctx: ServiceContext): Promise<void> {
  const identity = socket.data.user;
  if (!identity) {
    socket.disconnect(true);
    return;
  }
  const session = openSession(socket, identity);
  const presence = presenceTracker();
  const warn = (error: unknown) => ctx.log.warn("presence update failed", { error: String(error) });
  socket.on("disconnect", () => void presence.left(identity).catch(warn));
  void presence.joined(identity).catch(warn);

  const from = resumePoint(socket.handshake.auth);
  let result: { replayed: number; lastEventId: number };
  if (from === null) {
    session.goLive();
    result = { replayed: 0, lastEventId: relay.cursor };
  } else {
    result = await replayThenGoLive(session, relay, from, config.OUTBOX_BATCH);
  }
  const hello: ConnectionSuccess = { userId: identity.sub, role: identity.role, ...result };
  socket.emit("connection:success", hello);
}
