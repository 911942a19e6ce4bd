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
  void presenceTracker()
    .joined(identity)
    .catch((error) => presenceFailed(ctx, error));

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

/** The identity's presence counts this socket out (onConnection counted it in). */
export function onDisconnect(socket: AnySocket, ctx: ServiceContext): void {
  const identity = socket.data.user;
  if (!identity) return;
  void presenceTracker()
    .left(identity)
    .catch((error) => presenceFailed(ctx, error));
}

const presenceFailed = (ctx: ServiceContext, error: unknown) => ctx.log.warn("presence update failed", { error: String(error) });
