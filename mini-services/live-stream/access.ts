import type { Identity } from "@/server/auth/tokens";
import { AppError } from "@/server/errors";
import { isHostOf } from "@/server/live/shows";
import { requireUser, type HandlerContext } from "@/server/service/define-handler";
import { live } from "./runtime";
import type { ShowState } from "./show-cache";

/** The caller, if it may run this show (its host, or an admin); FORBIDDEN before anything else. */
export async function asHost(ctx: HandlerContext, showId: string): Promise<{ user: Identity; show: ShowState }> {
  const user = requireUser(ctx);
  const show = await live().shows.state(showId);
  if (!isHostOf(user, show)) throw new AppError("FORBIDDEN", "Only the show's host may do this");
  return { user, show };
}

/** Viewer events only count from a socket that joined the show. */
export function requireJoined(ctx: HandlerContext, showId: string): void {
  if (!live().audience.isIn(ctx.socket.id, showId)) throw new AppError("CONFLICT", "Join the show first (join_stream)");
}

/** Guests all carry the name "Guest": a short tag tells them apart in the chat. */
export const chatName = (user: Identity) => (user.role === "GUEST" ? `Guest ${user.sub.slice(-4)}` : user.name);
