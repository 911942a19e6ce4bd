import { activateOffer } from "@/server/live/offers";
import { defineHandler } from "@/server/service/define-handler";
import { activateOfferSchema, type OfferView } from "@/realtime/live-stream";
import { asHost } from "../access";
import { live } from "../runtime";

/** Starts a flash offer: offer_activated to every viewer, with its end time; it expires on its own. */
export default defineHandler({
  event: "activate_offer",
  schema: activateOfferSchema,
  async handle(ctx, input): Promise<OfferView> {
    await asHost(ctx, input.showId);
    const offer = await activateOffer(input);
    live().shows.staleSnapshot(input.showId);
    live().offers.activated(offer);
    return offer;
  },
});
