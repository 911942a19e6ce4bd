import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessage, ClaimResult, OfferClaimed, OfferView, ReactionBatch, ShowAnalytics, StreamStatus } from "@/realtime/live-stream";
import { collect, connect, nextEvent } from "../support/socket";
import { createUser } from "../support/tokens";
import { closeAll, connectAll, createShow, createUsers, join, liveService, type LiveUser, ok, refused } from "./live-helpers";

const VIEWERS = 50;

describe("a live show with a host and 50 viewers", () => {
  const fx = liveService();
  let host: Socket;
  let viewers: Socket[];
  let users: LiveUser[];
  let showId: string;
  let productIds: string[];
  const everyone = () => [host, ...viewers];

  beforeAll(async () => {
    const hostUser = await createUser(fx.db, "HOST");
    const { show, products } = await createShow(fx.db, hostUser.user.id, { stock: 20 });
    showId = show.id;
    productIds = products.map((p) => p.id);
    users = await createUsers(fx.db, VIEWERS);
    host = await connect(fx.service.url, { token: hostUser.token });
    viewers = await connectAll(fx.service.url, users);
  });
  afterAll(async () => {
    closeAll(everyone().filter(Boolean));
  });

  it("answers join_stream with the show's state and counts each viewer once, the host not at all", async () => {
    const hostState = await join(host, showId);
    expect(hostState.you.isHost).toBe(true);
    expect(hostState.host).not.toBeNull();
    expect(hostState.products.map((p) => p.id)).toEqual(productIds);
    const counted = nextEvent<{ count: number }>(host, "viewer_count_update", (p) => p.count === VIEWERS);
    const states = await Promise.all(viewers.map((v) => join(v, showId)));
    expect(states.every((s) => s.show.status === "LIVE" && s.host === null && !s.you.isHost)).toBe(true);
    await counted;
    // Joining twice from one socket is not a second viewer.
    await join(viewers[0]!, showId);
    expect((await join(host, showId)).viewerCount).toBe(VIEWERS);
  });

  it("delivers a chat message to everyone once, as text, stored before the ack", async () => {
    const inboxes = everyone().map((s) => collect<ChatMessage>(s, "new_message"));
    const arrived = everyone().map((s) => nextEvent<ChatMessage>(s, "new_message"));
    const message = await ok<ChatMessage>(viewers[0]!, "send_message", { showId, body: "  Hello <b>there</b>\u0007 " });
    expect(message.body).toBe("Hello <b>there</b>");
    expect(message.userId).toBe(users[0]!.id);
    expect((await Promise.all(arrived)).every((m) => m.id === message.id)).toBe(true);
    expect(await fx.db.showMessage.findUnique({ where: { id: message.id } })).toMatchObject({ body: "Hello <b>there</b>", showId });
    // The broadcast goes out before the write (the ack waits for it): listen first.
    const hostArrived = viewers.map((v) => nextEvent<ChatMessage>(v, "new_message", (m) => m.fromHost));
    const fromHost = await ok<ChatMessage>(host, "send_message", { showId, body: "Welcome!" });
    expect(fromHost.fromHost).toBe(true);
    expect((await Promise.all(hostArrived)).every((m) => m.id === fromHost.id)).toBe(true);
    expect(inboxes.every((inbox) => inbox.length === 2)).toBe(true);
  });

  it("coalesces reactions into reaction_added batches that add up", async () => {
    let seen = 0;
    const all = nextEvent<ReactionBatch>(viewers[40]!, "reaction_added", (b) => {
      seen += b.reactions.filter((r) => r.emoji === "🔥").reduce((n, r) => n + r.count, 0);
      return seen >= 20;
    });
    await Promise.all(viewers.slice(0, 20).map((v) => ok(v, "add_reaction", { showId, emoji: "🔥" })));
    await all;
    expect(seen).toBe(20);
    expect((await refused(viewers[0]!, "add_reaction", { showId, emoji: "💩" })).code).toBe("VALIDATION");
  });

  it("features a product for everyone; clicks and cart adds reach the host's analytics, not the viewers'", async () => {
    const viewerAnalytics = collect<ShowAnalytics>(viewers[0]!, "analytics_update");
    const featured = viewers.map((v) => nextEvent<{ product: { id: string } | null }>(v, "product_featured"));
    await ok(host, "feature_product", { showId, productId: productIds[0] });
    expect((await Promise.all(featured)).every((p) => p.product?.id === productIds[0])).toBe(true);
    await Promise.all(viewers.slice(0, 3).map((v) => ok(v, "product_click", { showId, productId: productIds[0] })));
    await Promise.all(viewers.slice(0, 2).map((v) => ok(v, "cart_add", { showId, productId: productIds[0] })));
    const stats = await nextEvent<ShowAnalytics>(host, "analytics_update", (a) => a.productClicks >= 3 && a.cartAdds >= 2, 15_000);
    expect(stats).toMatchObject({ currentViewers: VIEWERS, uniqueViewers: VIEWERS, productClicks: 3, cartAdds: 2 });
    expect(stats.messages).toBeGreaterThanOrEqual(2);
    expect(stats.products.find((p) => p.productId === productIds[0])).toMatchObject({ views: VIEWERS, clicks: 3, cartAdds: 2 });
    expect(viewerAnalytics).toHaveLength(0);
  });

  it("runs a flash offer: activated for all, a win lands in the cart at the offer price, everyone sees the units left", async () => {
    const activated = viewers.map((v) => nextEvent<OfferView>(v, "offer_activated"));
    const offer = await ok<OfferView>(host, "activate_offer", { showId, productId: productIds[1], priceCents: 1000, quantity: 5, durationSeconds: 120 });
    expect(new Date(offer.endsAt).getTime()).toBeGreaterThan(Date.now() + 100_000);
    expect((await Promise.all(activated)).every((o) => o.id === offer.id && o.quantity === 5 && o.perShopperLimit === 1)).toBe(true);
    expect((await refused(host, "activate_offer", { showId, productId: productIds[0], priceCents: 100, quantity: 1, durationSeconds: 30 })).code).toBe(
      "CONFLICT",
    );

    const claimed = viewers.map((v) => nextEvent<OfferClaimed>(v, "offer_claimed", (p) => p.offerId === offer.id));
    const clientClaimId = randomUUID();
    const won = await ok<ClaimResult>(viewers[1]!, "claim_offer", { offerId: offer.id, clientClaimId });
    expect(won.outcome).toBe("won");
    expect((await Promise.all(claimed)).every((p) => p.remaining === 4 && p.claimed === 1)).toBe(true);
    const line = await fx.db.cartItem.findUniqueOrThrow({ where: { id: won.cartItemId! } });
    expect(line).toMatchObject({ userId: users[1]!.id, productId: productIds[1], unitPriceCents: 1000, quantity: 1, offerClaimId: won.claimId });
    expect(line.reservedUntil!.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(await fx.db.product.findUniqueOrThrow({ where: { id: productIds[1] } })).toMatchObject({ stock: 19 });
    expect(await fx.db.outboxEvent.count({ where: { topic: "inventory.updated", productId: productIds[1] } })).toBe(1);
    // The same claim retried is the same claim; a second claim by the same shopper is not won.
    expect(await ok<ClaimResult>(viewers[1]!, "claim_offer", { offerId: offer.id, clientClaimId })).toMatchObject({ outcome: "won", claimId: won.claimId });
    expect((await ok<ClaimResult>(viewers[1]!, "claim_offer", { offerId: offer.id, clientClaimId: randomUUID() })).outcome).toBe("already_claimed");

    const ended = viewers.map((v) => nextEvent<{ offerId: string; reason: string }>(v, "offer_ended"));
    await ok(host, "end_offer", { showId, offerId: offer.id });
    expect((await Promise.all(ended)).every((e) => e.offerId === offer.id && e.reason === "ended")).toBe(true);
    expect((await ok<ClaimResult>(viewers[2]!, "claim_offer", { offerId: offer.id, clientClaimId: randomUUID() })).outcome).toBe("expired");
    expect(await fx.db.offer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ claimed: 1 });
  });

  it("pins, highlights and deletes messages for everyone", async () => {
    const message = await ok<ChatMessage>(viewers[2]!, "send_message", { showId, body: "Is it wool?" });
    const pinned = viewers.map((v) => nextEvent<{ message: ChatMessage | null }>(v, "message_pinned"));
    await ok(host, "pin_message", { showId, messageId: message.id });
    expect((await Promise.all(pinned)).every((p) => p.message?.id === message.id)).toBe(true);

    const highlighted = viewers.map((v) => nextEvent<{ messageId: string; highlighted: boolean }>(v, "message_highlighted"));
    await ok(host, "highlight_message", { showId, messageId: message.id });
    expect((await Promise.all(highlighted)).every((p) => p.messageId === message.id && p.highlighted)).toBe(true);

    const deleted = viewers.map((v) => nextEvent<{ messageId: string }>(v, "message_deleted"));
    const unpinned = viewers.map((v) => nextEvent<{ message: ChatMessage | null }>(v, "message_pinned"));
    await ok(host, "delete_message", { showId, messageId: message.id });
    expect((await Promise.all(deleted)).every((p) => p.messageId === message.id)).toBe(true);
    expect((await Promise.all(unpinned)).every((p) => p.message === null)).toBe(true);

    const late = await connect(fx.service.url, { token: users[0]!.token });
    const state = await join(late, showId);
    expect(state.pinnedMessage).toBeNull();
    expect(state.recentMessages.some((m) => m.id === message.id)).toBe(false);
    expect(state.featuredProduct?.id).toBe(productIds[0]);
    late.close();
  });

  it("lowers the count when viewers leave or disconnect", async () => {
    const down = nextEvent<{ count: number }>(host, "viewer_count_update", (p) => p.count === VIEWERS - 2);
    await ok(viewers[49]!, "leave_stream", { showId });
    viewers[48]!.close();
    await down;
  });

  it("ends the show for everyone and closes the chat", async () => {
    const ended = viewers.slice(0, 10).map((v) => nextEvent<StreamStatus>(v, "stream_status"));
    const status = await ok<StreamStatus>(host, "end_stream", { showId });
    expect(status.status).toBe("ENDED");
    expect((await Promise.all(ended)).every((s) => s.status === "ENDED" && s.endedAt)).toBe(true);
    expect((await refused(viewers[0]!, "send_message", { showId, body: "still there?" })).code).toBe("CONFLICT");
    // The counters were flushed when the show ended: the report has them.
    const buckets = await fx.db.showStatBucket.findMany({ where: { showId } });
    expect(buckets.reduce((n, b) => n + b.messages, 0)).toBeGreaterThanOrEqual(3);
    expect(await fx.db.showViewer.count({ where: { showId } })).toBe(VIEWERS);
  });
});

describe("going live", () => {
  const fx = liveService();

  it("tells every viewer and writes one notification per RSVP'd shopper to the outbox", async () => {
    const hostUser = await createUser(fx.db, "HOST");
    const { show } = await createShow(fx.db, hostUser.user.id, { status: "SCHEDULED" });
    const fans = await createUsers(fx.db, 3);
    await fx.db.showRsvp.createMany({ data: fans.map((f) => ({ showId: show.id, userId: f.id })) });
    const [viewer] = await connectAll(fx.service.url, fans.slice(0, 1));
    const host = await connect(fx.service.url, { token: hostUser.token });
    expect((await join(viewer!, show.id)).show.status).toBe("SCHEDULED");
    expect((await refused(viewer!, "go_live", { showId: show.id })).code).toBe("FORBIDDEN");

    const live = nextEvent<StreamStatus>(viewer!, "stream_status");
    await ok(host, "go_live", { showId: show.id });
    expect(await live).toMatchObject({ showId: show.id, status: "LIVE" });
    const rows = await fx.db.outboxEvent.findMany({ where: { topic: "notification" } });
    expect(rows.map((r) => r.userId).sort()).toEqual(fans.map((f) => f.id).sort());
    expect(JSON.parse(rows[0]!.payload)).toMatchObject({ kind: "show.live", link: `/shows/${show.id}` });
    expect((await refused(host, "go_live", { showId: show.id })).code).toBe("CONFLICT");
    closeAll([viewer!, host]);
  });
});
