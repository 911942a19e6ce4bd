import { defineHandler, requireUser } from "@/server/service/define-handler";
import { addReactionSchema } from "@/realtime/live-stream";
import { requireJoined } from "../access";
import { live } from "../runtime";

/** Counted and coalesced: viewers see reaction_added batches, not one event per tap. */
export default defineHandler({
  event: "add_reaction",
  schema: addReactionSchema,
  handle(ctx, { showId, emoji, messageId }) {
    requireUser(ctx);
    requireJoined(ctx, showId);
    live().reactions.add(showId, emoji, messageId ?? null);
    live().stats.count(showId, "reactions");
    return {};
  },
});
