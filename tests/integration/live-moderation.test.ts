import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessage, Sanction } from "@/realtime/live-stream";
import { collect, connect, nextEvent } from "../support/socket";
import { createUser } from "../support/tokens";
import { closeAll, connectAll, createShow, createUsers, join, liveService, type LiveUser, ok, refused } from "./live-helpers";

describe("chat moderation", () => {
  const fx = liveService();
  let host: Socket;
  let viewers: Socket[];
  let users: LiveUser[];
  let showId: string;
  let productId: string;

  beforeAll(async () => {
    const hostUser = await createUser(fx.db, "HOST");
    const { show, products } = await createShow(fx.db, hostUser.user.id, { products: 1 });
    showId = show.id;
    productId = products[0]!.id;
    users = await createUsers(fx.db, 5);
    host = await connect(fx.service.url, { token: hostUser.token });
    viewers = await connectAll(fx.service.url, users);
    await join(host, showId);
    await Promise.all(viewers.map((v) => join(v, showId)));
  });
  afterAll(async () => {
    closeAll([host, ...(viewers ?? [])].filter(Boolean));
  });

  it("refuses every host event from a viewer with FORBIDDEN and broadcasts nothing", async () => {
    const events = [
      "product_featured",
      "offer_activated",
      "message_pinned",
      "message_highlighted",
      "message_deleted",
      "chat_settings_updated",
      "stream_status",
      "sanction_updated",
      "offer_ended",
    ];
    const heard = viewers.flatMap((v) => events.map((e) => collect(v, e)));
    const message = await ok<ChatMessage>(viewers[1]!, "send_message", { showId, body: "hi" });
    const attempts: [string, object][] = [
      ["feature_product", { showId, productId }],
      ["activate_offer", { showId, productId, priceCents: 100, quantity: 1, durationSeconds: 60 }],
      ["pin_message", { showId, messageId: message.id }],
      ["highlight_message", { showId, messageId: message.id }],
      ["delete_message", { showId, messageId: message.id }],
      ["mute_user", { showId, userId: users[1]!.id, minutes: 5 }],
      ["ban_user", { showId, userId: users[1]!.id }],
      ["lift_sanctions", { showId, userId: users[1]!.id }],
      ["set_slow_mode", { showId, seconds: 10 }],
      ["set_chat_enabled", { showId, enabled: false }],
      ["set_blocked_words", { showId, words: ["x"] }],
      ["end_offer", { showId, offerId: "nope" }],
      ["go_live", { showId }],
      ["end_stream", { showId }],
    ];
    for (const [event, payload] of attempts) expect((await refused(viewers[0]!, event, payload)).code, event).toBe("FORBIDDEN");
    // Without any identity the answer is UNAUTHORIZED.
    const anonymous = await connect(fx.service.url);
    await join(anonymous, showId);
    expect((await refused(anonymous, "feature_product", { showId, productId })).code).toBe("UNAUTHORIZED");
    expect((await refused(anonymous, "send_message", { showId, body: "hello" })).code).toBe("UNAUTHORIZED");
    anonymous.close();
    // Events on one socket arrive in order: when the host's change lands, nothing came before it.
    const marker = viewers.map((v) => nextEvent(v, "chat_settings_updated"));
    await ok(host, "set_slow_mode", { showId, seconds: 0 });
    await Promise.all(marker);
    expect(heard.map((h) => h.length).reduce((a, b) => a + b, 0)).toBe(viewers.length);
    expect(await fx.db.show.findUniqueOrThrow({ where: { id: showId } })).toMatchObject({ featuredProductId: null, pinnedMessageId: null, chatEnabled: true });
    expect(await fx.db.offer.count({ where: { showId } })).toBe(0);
    expect(await fx.db.showSanction.count({ where: { showId } })).toBe(0);
  });

  it("enforces slow mode per viewer with a clear ack, and never on the host", async () => {
    await ok(host, "set_slow_mode", { showId, seconds: 30 });
    await ok(viewers[0]!, "send_message", { showId, body: "first" });
    const slowed = await refused(viewers[0]!, "send_message", { showId, body: "second" });
    expect(slowed.code).toBe("RATE_LIMITED");
    expect(slowed.message).toMatch(/Slow mode is on: one message every 30 s\. Try again in \d+ s/);
    await ok(viewers[1]!, "send_message", { showId, body: "another viewer is not slowed by the first" });
    await ok(host, "send_message", { showId, body: "host 1" });
    await ok(host, "send_message", { showId, body: "host 2" });
    await ok(host, "set_slow_mode", { showId, seconds: 0 });
    await ok(viewers[0]!, "send_message", { showId, body: "free again" });
  });

  it("mutes a viewer for N minutes: told at once, refused with the time left, others unaffected, then lifted", async () => {
    const told = nextEvent<Sanction>(viewers[2]!, "sanction_updated");
    await ok(host, "mute_user", { showId, userId: users[2]!.id, minutes: 5 });
    expect((await told).mutedUntil).not.toBeNull();
    const muted = await refused(viewers[2]!, "send_message", { showId, body: "let me talk" });
    expect(muted.code).toBe("FORBIDDEN");
    expect(muted.message).toMatch(/muted in this chat for 5 more minutes/);
    await ok(viewers[3]!, "send_message", { showId, body: "I can still talk" });
    // The mute survives a rejoin (it lives in the database, not the socket).
    const again = await connect(fx.service.url, { token: users[2]!.token });
    expect((await join(again, showId)).you.mutedUntil).not.toBeNull();
    again.close();
    await ok(host, "lift_sanctions", { showId, userId: users[2]!.id });
    await ok(viewers[2]!, "send_message", { showId, body: "thanks" });
  });

  it("refuses blocked words (whole words, any case or accent) and obeys chat off", async () => {
    await ok(host, "set_blocked_words", { showId, words: ["Spam", "fake deal"] });
    expect((await refused(viewers[4]!, "send_message", { showId, body: "buy SPÁM now" })).code).toBe("VALIDATION");
    expect((await refused(viewers[4]!, "send_message", { showId, body: "a Fake  Deal?" })).code).toBe("VALIDATION");
    await ok(viewers[4]!, "send_message", { showId, body: "spammer is fine, it is another word" });
    const off = viewers.map((v) => nextEvent<{ enabled: boolean }>(v, "chat_settings_updated"));
    await ok(host, "set_chat_enabled", { showId, enabled: false });
    expect((await Promise.all(off)).every((s) => s.enabled === false)).toBe(true);
    const closed = await refused(viewers[4]!, "send_message", { showId, body: "hello?" });
    expect(closed).toMatchObject({ code: "CONFLICT", message: "Chat is turned off by the host for now" });
    await ok(host, "send_message", { showId, body: "the host still can" });
    await ok(host, "set_chat_enabled", { showId, enabled: true });
    await ok(viewers[4]!, "send_message", { showId, body: "back" });
  });

  it("bans a viewer: every tab leaves the show and cannot come back or chat", async () => {
    const [secondTab] = await connectAll(fx.service.url, [users[3]!]);
    await join(secondTab!, showId);
    const down = nextEvent<{ count: number }>(host, "viewer_count_update", (p) => p.count === 4);
    const told = [viewers[3]!, secondTab!].map((s) => nextEvent<Sanction>(s, "sanction_updated"));
    await ok(host, "ban_user", { showId, userId: users[3]!.id });
    expect((await Promise.all(told)).every((s) => s.banned)).toBe(true);
    await down;
    // Out of the room: the next message does not reach the banned tabs.
    const missed = collect(secondTab!, "new_message");
    const seen = nextEvent(viewers[1]!, "new_message");
    await ok(viewers[1]!, "send_message", { showId, body: "bye" });
    await seen;
    expect(missed).toHaveLength(0);
    expect((await refused(secondTab!, "join_stream", { showId })).code).toBe("FORBIDDEN");
    expect((await refused(viewers[3]!, "send_message", { showId, body: "let me in" })).code).toBe("CONFLICT");
    secondTab!.close();
  });
});
