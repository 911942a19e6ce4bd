import { beforeAll, describe, expect, it } from "vitest";
import { SUPPORT_LIMITS } from "@/realtime/support-chat";
import type { Role } from "@/server/auth/tokens";
import type { Db } from "@/server/db/client";
import type { ServiceProcess } from "../support/service-process";
import { clientId, must, refused, supportHarness } from "./support-chat-helpers";

describe("support chat rules", () => {
  const h = supportHarness();
  let db: Db;
  let service: ServiceProcess;
  const join = (role: Role, name?: string) => h.join(service.url, role, name);

  beforeAll(async () => {
    db = h.db;
    service = await h.start();
  });

  /** Everything a refused event could have changed. */
  const state = async (sessionId: string) => ({
    session: await db.supportSession.findUniqueOrThrow({ where: { id: sessionId } }),
    messages: await db.supportMessage.count(),
    sessions: await db.supportSession.count(),
  });

  async function conversation() {
    const agent = await join("AGENT");
    await must(agent.socket, "set_agent_status", { status: "online" });
    const shopper = await join("GUEST");
    const started = await must(shopper.socket, "start_session", { topic: "Private matter" });
    await must(agent.socket, "claim_session", { sessionId: started.session.id });
    await must(shopper.socket, "send_message", { sessionId: started.session.id, clientMessageId: clientId(), body: "my address is …" });
    return { agent, shopper, sessionId: started.session.id, resumeToken: started.resumeToken };
  }

  it("keeps another shopper out of a conversation", async () => {
    const { sessionId, resumeToken } = await conversation();
    const stranger = await join("SHOPPER");
    const before = await state(sessionId);
    const s = stranger.socket;
    await refused(s, "rejoin_session", { sessionId, lastSeq: 0 }, "NOT_FOUND");
    await refused(s, "rejoin_session", { resumeToken: "A".repeat(43), lastSeq: 0 }, "NOT_FOUND");
    await refused(s, "rejoin_session", { sessionId: "someone-elses", resumeToken, lastSeq: 0 }, "NOT_FOUND");
    await refused(s, "send_message", { sessionId, clientMessageId: clientId(), body: "let me in" }, "NOT_FOUND");
    await refused(s, "typing", { sessionId, isTyping: true }, "NOT_FOUND");
    await refused(s, "mark_read", { sessionId, seq: 3 }, "NOT_FOUND");
    await refused(s, "get_transcript", { sessionId }, "NOT_FOUND");
    await refused(s, "set_contact", { sessionId, email: "x@example.com" }, "NOT_FOUND");
    await refused(s, "end_session", { sessionId }, "NOT_FOUND");
    await refused(s, "rate_session", { sessionId, rating: 1 }, "NOT_FOUND");
    expect(await must(s, "list_my_sessions", {})).toEqual([]);
    expect(await state(sessionId)).toEqual(before);
  });

  it("refuses agent events to shoppers", async () => {
    const { sessionId, shopper, agent } = await conversation();
    const before = await state(sessionId);
    const s = shopper.socket;
    await refused(s, "set_agent_status", { status: "online" }, "FORBIDDEN");
    await refused(s, "get_queue", {}, "FORBIDDEN");
    await refused(s, "claim_session", { sessionId }, "FORBIDDEN");
    await refused(s, "release_session", { sessionId }, "FORBIDDEN");
    await refused(s, "transfer_session", { sessionId, toAgentId: agent.user.id }, "FORBIDDEN");
    await refused(s, "add_note", { sessionId, clientMessageId: clientId(), body: "note" }, "FORBIDDEN");
    await refused(s, "search_sessions", { query: "address" }, "FORBIDDEN");
    await refused(s, "get_shopper_context", { sessionId }, "FORBIDDEN");
    await refused(s, "list_canned_responses", {}, "FORBIDDEN");
    expect(await state(sessionId)).toEqual(before);
  });

  it("keeps other agents out, lets admins in", async () => {
    const { sessionId } = await conversation();
    const other = await join("AGENT");
    await must(other.socket, "set_agent_status", { status: "online" });
    const before = await state(sessionId);
    const s = other.socket;
    await refused(s, "rejoin_session", { sessionId, lastSeq: 0 }, "NOT_FOUND");
    await refused(s, "get_transcript", { sessionId }, "NOT_FOUND");
    await refused(s, "get_shopper_context", { sessionId }, "NOT_FOUND");
    await refused(s, "send_message", { sessionId, clientMessageId: clientId(), body: "hi" }, "NOT_FOUND");
    await refused(s, "add_note", { sessionId, clientMessageId: clientId(), body: "hi" }, "NOT_FOUND");
    await refused(s, "release_session", { sessionId }, "NOT_FOUND");
    await refused(s, "claim_session", { sessionId }, "CONFLICT");
    expect((await must(s, "search_sessions", { query: "address" })).sessions).toEqual([]);
    expect(await state(sessionId)).toEqual(before);

    const admin = await join("ADMIN");
    expect((await must(admin.socket, "get_transcript", { sessionId })).messages.map((m) => m.body)).toContain("my address is …");
    expect((await must(admin.socket, "search_sessions", { query: "address" })).sessions.map((r) => r.session.id)).toContain(sessionId);
    expect((await must(admin.socket, "get_shopper_context", { sessionId })).shopper.isGuest).toBe(true);
  });

  it("refuses invalid payloads with a clear ack and changes nothing", async () => {
    const { sessionId, shopper } = await conversation();
    const before = await state(sessionId);
    const s = shopper.socket;
    expect(await refused(s, "start_session", {}, "VALIDATION")).toMatch(/^topic/);
    expect(await refused(s, "start_session", { topic: "x", email: "not-an-email" }, "VALIDATION")).toMatch(/^email/);
    expect(await refused(s, "start_session", "hello", "VALIDATION")).toBeTruthy();
    expect(await refused(s, "send_message", { sessionId, clientMessageId: clientId(), body: "   " }, "VALIDATION")).toMatch(/^body: cannot be empty/);
    const long = "x".repeat(SUPPORT_LIMITS.messageChars + 1);
    expect(await refused(s, "send_message", { sessionId, clientMessageId: clientId(), body: long }, "VALIDATION")).toMatch(/at most 2000/);
    expect(await refused(s, "send_message", { sessionId, clientMessageId: "x", body: "hi" }, "VALIDATION")).toMatch(/^clientMessageId/);
    expect(await refused(s, "send_message", { sessionId, body: "hi" }, "VALIDATION")).toMatch(/^clientMessageId/);
    expect(await refused(s, "rejoin_session", { lastSeq: 0 }, "VALIDATION")).toMatch(/sessionId or resumeToken/);
    expect(await refused(s, "rejoin_session", { sessionId, lastSeq: -1 }, "VALIDATION")).toMatch(/^lastSeq/);
    expect(await refused(s, "mark_read", { sessionId, seq: "3" }, "VALIDATION")).toMatch(/^seq/);
    expect(await refused(s, "typing", { sessionId }, "VALIDATION")).toMatch(/^isTyping/);
    expect(await refused(s, "rate_session", { sessionId, rating: 6 }, "VALIDATION")).toMatch(/1 to 5/);
    expect(await refused(s, "end_session", { sessionId: 42 }, "VALIDATION")).toMatch(/^sessionId/);
    expect(await state(sessionId)).toEqual(before);
  });

  it("limits how fast one identity sends messages", async () => {
    const { sessionId, agent } = await conversation();
    // conversation() already spent one of the shopper's; the agent starts fresh.
    for (let i = 0; i < SUPPORT_LIMITS.messagesPerWindow; i++) {
      await must(agent.socket, "send_message", { sessionId, clientMessageId: clientId(), body: `answer ${i}` });
    }
    const before = await state(sessionId);
    const message = await refused(agent.socket, "send_message", { sessionId, clientMessageId: clientId(), body: "one too many" }, "RATE_LIMITED");
    expect(message).toContain(`too quickly: at most ${SUPPORT_LIMITS.messagesPerWindow} every ${SUPPORT_LIMITS.windowSeconds} seconds`);
    expect(await state(sessionId)).toEqual(before);
  });
});
