import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClaimResult, OfferView } from "@/realtime/live-stream";
import { connect } from "../support/socket";
import { createUser } from "../support/tokens";
import { closeAll, connectAll, createShow, createUsers, join, liveService, ok } from "./live-helpers";

// A won unit is held in the winner's cart for a while; if they never check out, it must go
// back to stock for everyone else instead of staying sold.
describe("lapsed flash-offer reservations", () => {
  const fx = liveService({ RESERVATION_SWEEP_MS: "100" });
  let host: Socket;
  let hostId: string;

  beforeAll(async () => {
    const hostUser = await createUser(fx.db, "HOST");
    hostId = hostUser.user.id;
    host = await connect(fx.service.url, { token: hostUser.token });
  });
  afterAll(() => host?.close());

  it("returns a lapsed reservation's unit to stock once, and keeps a live one", async () => {
    const { show, products } = await createShow(fx.db, hostId, { products: 1, stock: 5 });
    const productId = products[0]!.id;
    await join(host, show.id);
    const offer = await ok<OfferView>(host, "activate_offer", {
      showId: show.id,
      productId,
      priceCents: 500,
      quantity: 2,
      durationSeconds: 300,
      perShopperLimit: 1,
    });
    const shoppers = await createUsers(fx.db, 2);
    const sockets = await connectAll(fx.service.url, shoppers);
    try {
      for (const s of sockets) {
        await join(s, show.id);
        expect((await ok<ClaimResult>(s, "claim_offer", { offerId: offer.id, clientClaimId: randomUUID() })).outcome).toBe("won");
      }
      expect((await fx.db.product.findUniqueOrThrow({ where: { id: productId } })).stock).toBe(3);

      // The first winner's hold runs out; the second's has minutes left.
      const lapsed = await fx.db.cartItem.findFirstOrThrow({ where: { userId: shoppers[0]!.id, offerClaimId: { not: null } } });
      await fx.db.cartItem.update({ where: { id: lapsed.id }, data: { reservedUntil: new Date(Date.now() - 1000) } });

      // No event announces the sweep to a test, so watch the database with a deadline.
      const deadline = Date.now() + 10_000;
      while ((await fx.db.cartItem.count({ where: { id: lapsed.id } })) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));

      expect(await fx.db.cartItem.count({ where: { id: lapsed.id } })).toBe(0);
      expect(await fx.db.cartItem.count({ where: { userId: shoppers[1]!.id, offerClaimId: { not: null } } })).toBe(1);
      expect((await fx.db.product.findUniqueOrThrow({ where: { id: productId } })).stock).toBe(4);
      const restocked = await fx.db.outboxEvent.findMany({ where: { topic: "inventory.updated", productId }, orderBy: { id: "desc" }, take: 1 });
      expect(JSON.parse(restocked[0]!.payload)).toMatchObject({ stock: 4, previousStock: 3 });
    } finally {
      closeAll(sockets);
    }
  });
});
