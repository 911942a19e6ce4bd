import { AppError } from "@/server/errors";
import { defineHandler, requireUser } from "@/server/service/define-handler";
import { claimOfferSchema, type ClaimResult } from "@/realtime/live-stream";
import { live } from "../runtime";

/**
 * The ack is the outcome — won, sold_out, already_claimed or expired — all of them ok: losing a
 * flash offer is not an error. Everyone hears the units left through offer_claimed.
 */
export default defineHandler({
  event: "claim_offer",
  schema: claimOfferSchema,
  async handle(ctx, { offerId, clientClaimId }): Promise<ClaimResult> {
    const user = requireUser(ctx);
    const { offers, shows } = live();
    const show = await shows.state(await offers.showOf(offerId));
    if (show.sanctions.get(user.sub)?.banned) throw new AppError("FORBIDDEN", "You were removed from this show");
    return offers.claim(user.sub, offerId, clientClaimId);
  },
});
