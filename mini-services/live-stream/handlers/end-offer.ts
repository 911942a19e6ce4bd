import { AppError } from "@/server/errors";
import { endOffer } from "@/server/live/offers";
import { defineHandler } from "@/server/service/define-handler";
import { offerRefSchema, type OfferEnded } from "@/realtime/live-stream";
import { asHost } from "../access";
import { live } from "../runtime";

export default defineHandler({
  event: "end_offer",
  schema: offerRefSchema,
  async handle(ctx, { showId, offerId }): Promise<OfferEnded> {
    await asHost(ctx, showId);
    if (!(await endOffer(showId, offerId))) throw new AppError("CONFLICT", "This offer has already ended");
    await live().offers.endedEarly(offerId, showId);
    return { showId, offerId, reason: "ended" };
  },
});
