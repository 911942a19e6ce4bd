import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { MessageView, QueueChange, SessionStarted } from "@/realtime/support-chat";
import type { Role } from "@/server/auth/tokens";
import type { Db } from "@/server/db/client";
import type { ServiceProcess } from "../support/service-process";
import { collect, nextEvent } from "../support/socket";
import { createUser } from "../support/tokens";
import { ask, clientId, expectInOrderOnce, must, refused, supportHarness } from "./support-chat-helpers";

describe("support chat: shopper ↔ agent", () => {
  const h = supportHarness();
  let db: Db;
  let service: ServiceProcess;
  const join = (role: Role, name?: string) => h.join(service.url, role, name);

  beforeAll(async () => {
    db = h.db;
    service = await h.start();
    await db.cannedResponse.create({ data: { shortcut: "hello", title: "Greeting", body: "Hi! How can I help you today?" } });
  });

  it("runs a whole conversation through every event", async () => {
    const agent = await join("AGENT", "Ana");
    const online = await must(agent.socket, "set_agent_status", { status: "online" });
    expect(online.status).toBe("online");
    expect(online.queue.agents.map((a) => a.id)).toContain(agent.user.id);

    // A guest with commerce history: the agent will see it beside the chat.
    const shopper = await join("GUEST");
    const category = await db.category.create({ data: { slug: "mugs", name: "Mugs" } });
    const product = await db.product.create({
      data: { sku: "MUG-1", slug: "mug", name: "Stoneware mug", description: "A mug", priceCents: 1800, stock: 5, imageUrl: "/m.jpg", categoryId: category.id },
    });
    await db.cartItem.create({ data: { userId: shopper.user.id, productId: product.id, quantity: 2 } });
    await db.order.create({
      data: {
        number: 1001,
        userId: shopper.user.id,
        status: "SHIPPED",
        subtotalCents: 1800,
        shippingCents: 500,
        totalCents: 2300,
        shippingAddress: "{}",
        paymentLast4: "4242",
        items: { create: [{ productId: product.id, name: "Stoneware mug", unitPriceCents: 1800, quantity: 1 }] },
      },
    });

    // Agents hear what changed in the queue, not the whole queue.
    const queueSeen = nextEvent<QueueChange>(agent.socket, "queue_changed", (q) => q.sessions.length === 1);
    const startedEvent = nextEvent<SessionStarted>(shopper.socket, "session_started");
    const started = await must(shopper.socket, "start_session", { topic: "Where is my order?", name: "Maya", email: "maya@example.com" });
    expect(await startedEvent).toEqual(started);
    const sessionId = started.session.id;
    expect(started.session).toMatchObject({ status: "QUEUED", topic: "Where is my order?", shopperName: "Maya", email: "maya@example.com", offline: false });
    expect(started.resumeToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(started.messages).toMatchObject([{ seq: 1, kind: "SYSTEM", body: expect.stringContaining("An agent will be with you") }]);
    expect(started.queue).toEqual({ sessionId, position: 1, estimatedWaitMinutes: 1, agentsOnline: 1 });
    // Only the token's hash is stored.
    const row = await db.supportSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.resumeTokenHash).toBe(createHash("sha256").update(started.resumeToken).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(started.resumeToken);
    expect(await queueSeen).toMatchObject({ waiting: 1, sessions: [{ sessionId, shopperName: "Maya" }], removedSessions: [] });

    // The shopper writes while waiting; the queue shows it.
    const preview = nextEvent<QueueChange>(agent.socket, "queue_changed", (q) => q.sessions[0]?.lastMessage === "My parcel has not arrived");
    const first = await must(shopper.socket, "send_message", { sessionId, clientMessageId: clientId(), body: "My parcel has not arrived" });
    expect(first).toMatchObject({ seq: 2, kind: "MESSAGE", senderRole: "SHOPPER", senderName: "Maya" });
    await preview;

    // The agent claims: both sides hear it.
    const joinedLine = nextEvent<MessageView>(shopper.socket, "message", (m) => m.kind === "SYSTEM" && m.body.includes("Ana joined"));
    const assigned = nextEvent<{ session: { id: string } }>(agent.socket, "session_assigned");
    const updated = nextEvent<{ session: { status: string } }>(shopper.socket, "session_updated");
    const leftQueue = nextEvent<QueueChange>(agent.socket, "queue_changed", (q) => q.removedSessions.includes(sessionId));
    const claimed = await must(agent.socket, "claim_session", { sessionId });
    expect(await leftQueue).toMatchObject({ waiting: 0, sessions: [], agents: [{ id: agent.user.id, status: "online", activeChats: 1 }] });
    expect(claimed).toMatchObject({ status: "ACTIVE", agent: { id: agent.user.id, name: "Ana" } });
    expect((await assigned).session.id).toBe(sessionId);
    expect((await updated).session.status).toBe("ACTIVE");
    expect((await joinedLine).seq).toBe(3);

    // The agent loads the history with the shopper's context and canned responses.
    const history = await must(agent.socket, "rejoin_session", { sessionId, lastSeq: 0 });
    expect(history.side).toBe("agent");
    expect(history.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    const context = await must(agent.socket, "get_shopper_context", { sessionId });
    expect(context.shopper).toMatchObject({ id: shopper.user.id, isGuest: true });
    expect(context.cart).toEqual({ lines: [{ productId: product.id, name: "Stoneware mug", quantity: 2, unitPriceCents: 1800 }], totalCents: 3600 });
    expect(context.orders).toMatchObject([{ number: 1001, status: "SHIPPED", totalCents: 2300, itemCount: 1 }]);
    expect(await must(agent.socket, "list_canned_responses", {})).toMatchObject([{ shortcut: "hello" }]);

    // Typing, both ways.
    const agentTyping = nextEvent<{ from: string; isTyping: boolean }>(shopper.socket, "user_typing");
    await must(agent.socket, "typing", { sessionId, isTyping: true });
    expect(await agentTyping).toMatchObject({ sessionId, from: "agent", name: "Ana", isTyping: true });
    const shopperTyping = nextEvent<{ from: string; name: string }>(agent.socket, "user_typing");
    await must(shopper.socket, "typing", { sessionId, isTyping: true });
    expect(await shopperTyping).toMatchObject({ sessionId, from: "shopper", name: "Maya" });

    // An answer, read by the shopper: the agent sees the receipt.
    const shopperMessages = collect<MessageView>(shopper.socket, "message");
    const answerSeen = nextEvent<MessageView>(shopper.socket, "message", (m) => m.senderRole === "AGENT");
    const answer = await must(agent.socket, "send_message", { sessionId, clientMessageId: clientId(), body: "Let me check order #1001 for you." });
    expect(await answerSeen).toEqual(answer);
    const receipt = nextEvent<{ reader: string; seq: number }>(agent.socket, "messages_read");
    expect(await must(shopper.socket, "mark_read", { sessionId, seq: answer.seq })).toEqual({ sessionId, reader: "shopper", seq: answer.seq });
    expect(await receipt).toEqual({ sessionId, reader: "shopper", seq: answer.seq });
    await must(agent.socket, "mark_read", { sessionId, seq: 999 });
    expect((await db.supportSession.findUniqueOrThrow({ where: { id: sessionId } })).agentReadSeq).toBe(answer.seq);

    // A retried send (same clientMessageId) returns the stored message and writes nothing.
    const retryId = clientId();
    const once = await must(shopper.socket, "send_message", { sessionId, clientMessageId: retryId, body: "Thanks!" });
    const again = await must(shopper.socket, "send_message", { sessionId, clientMessageId: retryId, body: "Thanks!" });
    expect(again).toEqual(once);
    expect(await db.supportMessage.count({ where: { sessionId, clientMessageId: retryId } })).toBe(1);

    // An internal note reaches the agent side only.
    const noteSeen = nextEvent<MessageView>(agent.socket, "message", (m) => m.kind === "NOTE");
    const note = await must(agent.socket, "add_note", { sessionId, clientMessageId: clientId(), body: "Carrier delay, offer a voucher" });
    expect((await noteSeen).id).toBe(note.id);
    const after = nextEvent<MessageView>(shopper.socket, "message", (m) => m.body === "A voucher is on its way.");
    await must(agent.socket, "send_message", { sessionId, clientMessageId: clientId(), body: "A voucher is on its way." });
    await after;
    expect(shopperMessages.some((m) => m.kind === "NOTE")).toBe(false);
    expectInOrderOnce(shopperMessages);

    // Transcripts and search: the agent's includes the note, the shopper's does not.
    const agentTranscript = await must(agent.socket, "get_transcript", { sessionId });
    expect(agentTranscript.messages.some((m) => m.kind === "NOTE")).toBe(true);
    const shopperTranscript = await must(shopper.socket, "get_transcript", { sessionId });
    expect(shopperTranscript.messages.some((m) => m.kind === "NOTE")).toBe(false);
    expectInOrderOnce(agentTranscript.messages);
    const found = await must(agent.socket, "search_sessions", { query: "PARCEL" });
    expect(found.sessions).toMatchObject([{ session: { id: sessionId }, snippet: "My parcel has not arrived" }]);
    expect((await must(agent.socket, "search_sessions", { query: "nothing like this" })).sessions).toEqual([]);

    // The shopper ends it; both sides hear it; then a rating, once.
    const endedAgent = nextEvent<{ endedBy: string }>(agent.socket, "session_ended");
    const endedShopper = nextEvent<{ endedBy: string }>(shopper.socket, "session_ended");
    expect(await must(shopper.socket, "end_session", { sessionId })).toMatchObject({ status: "ENDED" });
    expect(await endedAgent).toMatchObject({ sessionId, endedBy: "shopper" });
    expect(await endedShopper).toMatchObject({ sessionId, endedBy: "shopper" });
    await refused(shopper.socket, "send_message", { sessionId, clientMessageId: clientId(), body: "one more" }, "UNPROCESSABLE");
    await refused(agent.socket, "rate_session", { sessionId, rating: 1 }, "FORBIDDEN");
    const ratedSeen = nextEvent<{ session: { rating: number } }>(agent.socket, "session_updated", (u) => u.session.rating !== null);
    expect(await must(shopper.socket, "rate_session", { sessionId, rating: 5, comment: "Quick and kind" })).toMatchObject({
      rating: 5,
      ratingComment: "Quick and kind",
    });
    expect((await ratedSeen).session.rating).toBe(5);
    await refused(shopper.socket, "rate_session", { sessionId, rating: 1 }, "CONFLICT");

    const stored = await db.supportMessage.findMany({ where: { sessionId }, orderBy: { seq: "asc" } });
    expect(stored.map((m) => m.seq)).toEqual(stored.map((_, i) => i + 1));
  });

  it("opens the same conversation on another device with the resume token", async () => {
    const agent = await join("AGENT", "Ben");
    await must(agent.socket, "set_agent_status", { status: "online" });
    const shopper = await join("GUEST");
    const started = await must(shopper.socket, "start_session", { topic: "Returns" });
    const sessionId = started.session.id;
    await must(shopper.socket, "send_message", { sessionId, clientMessageId: clientId(), body: "From my phone" });

    // Another browser is another guest: only the token opens the conversation there.
    const other = await createUser(db, "GUEST");
    const laptop = await h.open(service.url, other.token);
    await refused(laptop, "rejoin_session", { sessionId, lastSeq: 0 }, "NOT_FOUND");
    const resumed = await must(laptop, "rejoin_session", { resumeToken: started.resumeToken, lastSeq: 1 });
    expect(resumed.side).toBe("shopper");
    expect(resumed.messages.map((m) => m.body)).toEqual(["From my phone"]);
    const onPhone = nextEvent<MessageView>(shopper.socket, "message", (m) => m.body === "From my laptop");
    await must(laptop, "send_message", { sessionId, clientMessageId: clientId(), body: "From my laptop" });
    await onPhone;
    await must(laptop, "end_session", { sessionId });
  });

  it("transfers between agents and releases back to the queue", async () => {
    const ana = await join("AGENT", "Ana2");
    const ben = await join("AGENT", "Ben2");
    const away = await join("AGENT", "Cy");
    await must(ana.socket, "set_agent_status", { status: "online" });
    await must(ben.socket, "set_agent_status", { status: "online" });
    await must(away.socket, "set_agent_status", { status: "away" });
    const shopper = await join("SHOPPER");
    const { session } = await must(shopper.socket, "start_session", { topic: "Sizing" });
    await must(ana.socket, "claim_session", { sessionId: session.id });

    await refused(ana.socket, "transfer_session", { sessionId: session.id, toAgentId: away.user.id }, "CONFLICT");
    await refused(ben.socket, "transfer_session", { sessionId: session.id, toAgentId: ben.user.id }, "NOT_FOUND");
    const toBen = nextEvent<{ session: { id: string }; reason: string; from: { id: string } }>(ben.socket, "session_assigned");
    const fromAna = nextEvent<{ sessionId: string; reason: string }>(ana.socket, "session_unassigned");
    const line = nextEvent<MessageView>(shopper.socket, "message", (m) => m.body.includes("Ben2"));
    expect(await must(ana.socket, "transfer_session", { sessionId: session.id, toAgentId: ben.user.id })).toMatchObject({ agent: { id: ben.user.id } });
    expect(await toBen).toMatchObject({ session: { id: session.id }, reason: "transferred", from: { id: ana.user.id } });
    expect(await fromAna).toEqual({ sessionId: session.id, reason: "transferred" });
    await line;

    // Ana lost it; Ben has it, and the shopper hears Ben.
    await refused(ana.socket, "send_message", { sessionId: session.id, clientMessageId: clientId(), body: "still me?" }, "NOT_FOUND");
    const fromBen = nextEvent<MessageView>(shopper.socket, "message", (m) => m.body === "Ben here");
    await must(ben.socket, "send_message", { sessionId: session.id, clientMessageId: clientId(), body: "Ben here" });
    await fromBen;
    expect((await must(ben.socket, "list_my_sessions", {})).map((s) => s.id)).toContain(session.id);

    const requeued = nextEvent<QueueChange>(ana.socket, "queue_changed", (q) => q.sessions.some((s) => s.sessionId === session.id));
    const position = nextEvent<{ sessionId: string; position: number }>(shopper.socket, "queue_position");
    expect(await must(ben.socket, "release_session", { sessionId: session.id })).toMatchObject({ status: "QUEUED", agent: null });
    await requeued;
    expect((await position).sessionId).toBe(session.id);
    await must(ana.socket, "claim_session", { sessionId: session.id });
    await must(ana.socket, "end_session", { sessionId: session.id });
  });

  it("caps the chats an agent holds at once", async () => {
    const agent = await join("AGENT", "Capped");
    await db.user.update({ where: { id: agent.user.id }, data: { maxChats: 1 } });
    await must(agent.socket, "set_agent_status", { status: "online" });
    const a = await join("GUEST");
    const b = await join("GUEST");
    const one = await must(a.socket, "start_session", { topic: "A" });
    const two = await must(b.socket, "start_session", { topic: "B" });
    await must(agent.socket, "claim_session", { sessionId: one.session.id });
    expect(await refused(agent.socket, "claim_session", { sessionId: two.session.id }, "CONFLICT")).toMatch(/open chats/);
    expect((await db.supportSession.findUniqueOrThrow({ where: { id: two.session.id } })).status).toBe("QUEUED");
    await must(agent.socket, "set_agent_status", { status: "away" });
    expect(await refused(agent.socket, "claim_session", { sessionId: two.session.id }, "CONFLICT")).toMatch(/online/);
    const ack = await ask(agent.socket, "end_session", { sessionId: one.session.id });
    expect(ack.ok).toBe(true);
  });
});
