import { randomUUID } from "node:crypto";
import { AppError } from "@/server/errors";
import { isHostOf } from "@/server/live/shows";
import { toChatMessage, type MessageRow } from "@/server/live/views";
import { defineHandler, requireUser } from "@/server/service/define-handler";
import { sendMessageSchema, showRoom, type ChatMessage } from "@/realtime/live-stream";
import { chatName, requireJoined } from "../access";
import { broadcast } from "../broadcast";
import { live } from "../runtime";

const clock = (d: Date) => d.toISOString().slice(11, 16);

/**
 * Chat: checked against the show's rules, broadcast at once, stored in the next batch; the
 * ack (after the write) tells the sender it is saved. Every refusal says why.
 */
export default defineHandler({
  event: "send_message",
  schema: sendMessageSchema,
  async handle(ctx, { showId, body }): Promise<ChatMessage> {
    const user = requireUser(ctx);
    requireJoined(ctx, showId);
    const { shows, slowMode, messages, stats } = live();
    const show = await shows.state(showId);
    const isHost = isHostOf(user, show);
    if (show.status === "ENDED") throw new AppError("CONFLICT", "The show has ended: chat is closed");
    if (!isHost) {
      const sanction = show.sanctions.get(user.sub);
      if (sanction?.banned) throw new AppError("FORBIDDEN", "You were removed from this show");
      if (sanction?.mutedUntil && sanction.mutedUntil.getTime() > Date.now()) {
        const minutes = Math.ceil((sanction.mutedUntil.getTime() - Date.now()) / 60_000);
        throw new AppError(
          "FORBIDDEN",
          `You are muted in this chat for ${minutes} more minute${minutes === 1 ? "" : "s"} (until ${clock(sanction.mutedUntil)} UTC)`,
        );
      }
      if (!show.chatEnabled) throw new AppError("CONFLICT", "Chat is turned off by the host for now");
    }
    if (show.blockedWordIn(body)) throw new AppError("VALIDATION", "body: your message contains a word this show does not allow", "body");
    if (!isHost && show.slowModeSeconds > 0) {
      const waitMs = await slowMode.take(showId, user.sub, show.slowModeSeconds);
      if (waitMs > 0)
        throw new AppError("RATE_LIMITED", `Slow mode is on: one message every ${show.slowModeSeconds} s. Try again in ${Math.ceil(waitMs / 1000)} s`);
    }
    const row: MessageRow = { id: randomUUID(), showId, userId: user.sub, userName: chatName(user), body, highlighted: false, createdAt: new Date() };
    const message = toChatMessage(row, show.hostId);
    broadcast(ctx, showRoom(showId), "new_message", message);
    stats.count(showId, "messages");
    await messages.write(row).catch((error: unknown) => {
      // Not stored after retries: take it back from every screen rather than leave a ghost.
      broadcast(ctx, showRoom(showId), "message_deleted", { showId, messageId: row.id });
      throw error;
    });
    return message;
  },
});
