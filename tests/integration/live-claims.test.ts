import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ack } from "@/realtime/ack";
import type { ClaimResult, OfferClaimed, OfferView } from "@/realtime/live-stream";
import { connect, emitAck, nextEvent } from "../support/socket";
import { createUser } from "../support/tokens";
import { closeAll, connectAll, createShow, createUsers, join, liveService, type LiveUser, ok } from "./live-helpers";

const SHOPPERS = 2000;
const UNITS = 100;

// Runs on SQLite by default and on PostgreSQL with TEST_DATABASE=postgres.
describe("flash-offer claims", () => {
  const fx = liveService({ MAX_CONNECTIONS_PER_IP: "10000" });
  let hostId: string;
  let host: Socket;

  beforeAll(async () => {
    const hostUser = await createUser(fx.db, "HOST");
    hostId = hostUser.user.id;
    host = await connect(fx.service.url, { token: hostUser.token });
  });
  afterAll(async () => {
    host?.close();
  });

  /** A live show with one product of `stock` units and an offer activated by the host. */
  async function offerOf(quantity: number, stock: number, perShopperLimit = 1) {
    const { show, products } = await createShow(fx.db, hostId, { products: 1, stock });
    await join(host, show.id);
    const offer = await ok<OfferView>(host, "activate_offer", {
      showId: show.id,
      productId: products[0]!.id,
      priceCents: 999,
      quantity,
      durationSeconds: 300,
      perShopperLimit,
    });
    return { showId: show.id, productId: products[0]!.id, offer };
  }

  const claim = (socket: Socket, offerId: string, clientClaimId: string = randomUUID()) =>
    emitAck<Ack<ClaimResult>>(socket, "claim_offer", { offerId, clientClaimId }).then((ack) => {
      if (!ack.ok) throw new Error(`claim_offer refused: ${ack.error.code} ${ack.error.message}`);
      return ack.data;
    });

  it(`gives ${UNITS} units to exactly ${UNITS} of ${SHOPPERS} shoppers claiming at once`, async () => {
    const { showId, productId, offer } = await offerOf(UNITS, UNITS + 50);
    const shoppers: LiveUser[] = await createUsers(fx.db, SHOPPERS);
    const sockets = await connectAll(fx.service.url, shoppers);
    try {
      const watcher = sockets[0]!;
      await join(watcher, showId);
      const lastUnit = nextEvent<OfferClaimed>(watcher, "offer_claimed", (p) => p.remaining === 0, 60_000);
      const soldOut = nextEvent<{ reason: string }>(watcher, "offer_ended", (p) => p.reason === "sold_out", 60_000);

      const started = performance.now();
      const results = await Promise.all(sockets.map((s) => claim(s, offer.id)));
      const elapsed = performance.now() - started;

      const outcomes = results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.outcome]: (acc[r.outcome] ?? 0) + 1 }), {});
      expect(outcomes).toEqual({ won: UNITS, sold_out: SHOPPERS - UNITS });
      const winners = results.filter((r) => r.outcome === "won");
      expect(new Set(winners.map((r) => r.claimId)).size).toBe(UNITS);
      expect(await fx.db.offer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ claimed: UNITS });
      expect(await fx.db.offerClaim.count({ where: { offerId: offer.id } })).toBe(UNITS);
      expect(await fx.db.cartItem.count({ where: { offerClaim: { offerId: offer.id }, unitPriceCents: 999, quantity: 1 } })).toBe(UNITS);
      expect(await fx.db.product.findUniqueOrThrow({ where: { id: productId } })).toMatchObject({ stock: 50 });
      // One stock event per unit won, stepping down one at a time.
      const events = await fx.db.outboxEvent.findMany({ where: { topic: "inventory.updated", productId }, orderBy: { id: "asc" } });
      const changes = events.map((e) => JSON.parse(e.payload) as { previousStock: number; stock: number });
      expect(changes).toHaveLength(UNITS);
      expect(changes.every((c) => c.previousStock - c.stock === 1)).toBe(true);
      expect(changes.at(-1)?.stock).toBe(50);
      expect(await lastUnit).toMatchObject({ offerId: offer.id, claimed: UNITS, quantity: UNITS });
      await soldOut;
      console.info(`${SHOPPERS} claims answered in ${Math.round(elapsed)} ms (${process.env.TEST_DATABASE ?? "sqlite"})`);
    } finally {
      closeAll(sockets);
    }
  });

  it("gives one unit to a shopper claiming five times at once, and a retry returns the same claim", async () => {
    const { offer } = await offerOf(10, 10);
    const [shopper] = await createUsers(fx.db, 1);
    const tabs = await connectAll(fx.service.url, [shopper!, shopper!, shopper!, shopper!, shopper!]);
    try {
      const results = await Promise.all(tabs.map((t) => claim(t, offer.id)));
      expect(results.filter((r) => r.outcome === "won")).toHaveLength(1);
      expect(results.filter((r) => r.outcome === "already_claimed")).toHaveLength(4);
      const won = results.find((r) => r.outcome === "won")!;
      expect(await fx.db.offerClaim.count({ where: { offerId: offer.id } })).toBe(1);

      const retryId = randomUUID();
      const retries = await Promise.all(tabs.slice(0, 3).map((t) => claim(t, offer.id, retryId)));
      expect(retries.every((r) => r.outcome === "already_claimed")).toBe(true);
      // The won claim's own id, sent again, answers with that claim.
      const again = await claim(tabs[0]!, offer.id, (await fx.db.offerClaim.findFirstOrThrow({ where: { id: won.claimId! } })).clientClaimId);
      expect(again).toMatchObject({ outcome: "won", claimId: won.claimId, cartItemId: won.cartItemId, reservedUntil: won.reservedUntil });
      expect(await fx.db.cartItem.count({ where: { offerClaim: { offerId: offer.id } } })).toBe(1);
    } finally {
      closeAll(tabs);
    }
  });

  it("lets a shopper win up to the per-shopper limit, never more", async () => {
    const { offer } = await offerOf(10, 10, 2);
    const [shopper] = await createUsers(fx.db, 1);
    const tabs = await connectAll(fx.service.url, [shopper!, shopper!, shopper!]);
    try {
      const results = await Promise.all(tabs.flatMap((t) => [claim(t, offer.id), claim(t, offer.id)]));
      expect(results.filter((r) => r.outcome === "won")).toHaveLength(2);
      expect(await fx.db.offerClaim.findMany({ where: { offerId: offer.id }, select: { slot: true }, orderBy: { slot: "asc" } })).toEqual([
        { slot: 1 },
        { slot: 2 },
      ]);
    } finally {
      closeAll(tabs);
    }
  });

  it("refuses claims on an expired offer", async () => {
    const { show, products } = await createShow(fx.db, hostId, { products: 1, stock: 5 });
    const past = new Date(Date.now() - 1000);
    const offer = await fx.db.offer.create({
      data: { showId: show.id, productId: products[0]!.id, priceCents: 500, quantity: 5, startsAt: new Date(Date.now() - 60_000), endsAt: past },
    });
    const [shopper] = await createUsers(fx.db, 1);
    const [socket] = await connectAll(fx.service.url, [shopper!]);
    try {
      expect((await claim(socket!, offer.id)).outcome).toBe("expired");
      expect(await fx.db.offer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ claimed: 0 });
      expect(await fx.db.product.findUniqueOrThrow({ where: { id: products[0]!.id } })).toMatchObject({ stock: 5 });
    } finally {
      socket!.close();
    }
  });

  it("shares the product's real stock with orders: claims stop when the stock does", async () => {
    const { productId, offer } = await offerOf(3, 3);
    // Orders took two units after the offer started.
    await fx.db.product.update({ where: { id: productId }, data: { stock: 1 } });
    const shoppers = await createUsers(fx.db, 3);
    const sockets = await connectAll(fx.service.url, shoppers);
    try {
      const results = await Promise.all(sockets.map((s) => claim(s, offer.id)));
      expect(results.map((r) => r.outcome).sort()).toEqual(["sold_out", "sold_out", "won"]);
      expect(await fx.db.product.findUniqueOrThrow({ where: { id: productId } })).toMatchObject({ stock: 0 });
      expect(await fx.db.offer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ claimed: 1 });
    } finally {
      closeAll(sockets);
    }
  });

  it("refuses an offer larger than the stock, and claims without an identity", async () => {
    const { show, products } = await createShow(fx.db, hostId, { products: 1, stock: 2 });
    const ack = await emitAck<Ack<unknown>>(host, "activate_offer", {
      showId: show.id,
      productId: products[0]!.id,
      priceCents: 100,
      quantity: 3,
      durationSeconds: 60,
    });
    expect(ack).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    const anonymous = await connect(fx.service.url);
    try {
      const refused = await emitAck<Ack<unknown>>(anonymous, "claim_offer", { offerId: "whatever", clientClaimId: randomUUID() });
      expect(refused).toMatchObject({ ok: false, error: { code: "UNAUTHORIZED" } });
    } finally {
      anonymous.close();
    }
  });
});
