import type { ConnectionStatus } from "@/realtime/use-service-socket";
import type { LiveShow } from "@/components/live/use-live-show";

const clock = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/** Why this viewer cannot chat right now, in words; null when they can. The host is never closed out. */
export function chatClosedReason(show: LiveShow, connection: ConnectionStatus, now: number): string | null {
  const state = show.state;
  if (connection !== "connected") return "Connecting to the live chat…";
  if (show.joinError) return show.joinError;
  if (!state) return "Joining the show…";
  if (show.banned) return "You were removed from this show";
  if (state.show.status === "ENDED") return "The show has ended: chat is closed";
  if (state.you.isHost) return null;
  if (!state.you.userId) return "Open the shop in this browser to chat";
  if (state.you.mutedUntil && new Date(state.you.mutedUntil).getTime() > now) return `You are muted until ${clock(state.you.mutedUntil)}`;
  if (!state.chat.enabled) return "Chat is turned off by the host for now";
  return null;
}
