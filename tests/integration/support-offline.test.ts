import { beforeAll, describe, expect, it } from "vitest";
import type { QueueChange } from "@/realtime/support-chat";
import type { Db } from "@/server/db/client";
import type { ServiceProcess } from "../support/service-process";
import { nextEvent } from "../support/socket";
import { createUser } from "../support/tokens";
import { clientId, must, supportHarness } from "./support-chat-helpers";

/** An hour-long window that starts two hours from now (UTC), so now is outside it. */
function closedHours(): string {
  const at = (h: number) => `${String((new Date().getUTCHours() + h) % 24).padStart(2, "0")}:00`;
  return `${at(2)}-${at(3)}`;
}

describe("support chat when nobody can answer", () => {
  const h = supportHarness();
  let db: Db;
  let service: ServiceProcess;
  let closed: ServiceProcess;

  beforeAll(async () => {
    db = h.db;
    service = await h.start();
    closed = await h.start({ SUPPORT_HOURS: closedHours(), SUPPORT_TIMEZONE: "UTC" });
  });

  it("takes a message and an email when no agent is online, and the answer waits for the shopper", async () => {
    const shopperUser = await createUser(db, "GUEST");
    const shopper = await h.open(service.url, shopperUser.token);
    const started = await must(shopper, "start_session", { topic: "Gift wrapping" });
    const sessionId = started.session.id;
    expect(started.session.offline).toBe(true);
    expect(started.messages[0]!.body).toMatch(/No agent is available right now.*email address/);
    expect(started.queue).toMatchObject({ position: 1, estimatedWaitMinutes: null, agentsOnline: 0 });
    await must(shopper, "send_message", { sessionId, clientMessageId: clientId(), body: "Can you gift wrap order 1002?" });
    const contact = await must(shopper, "set_contact", { sessionId, email: "lea@example.com", name: "Léa" });
    expect(contact).toMatchObject({ email: "lea@example.com", shopperName: "Léa", status: "QUEUED" });
    shopper.close();

    // Later an agent comes online, finds it in the queue, answers, and moves on.
    const agent = await h.join(service.url, "AGENT", "Omar");
    const { queue } = await must(agent.socket, "set_agent_status", { status: "online" });
    expect(queue.sessions).toMatchObject([{ sessionId, offline: true, shopperName: "Léa", lastMessage: "Can you gift wrap order 1002?" }]);
    await must(agent.socket, "claim_session", { sessionId });
    const answer = await must(agent.socket, "send_message", { sessionId, clientMessageId: clientId(), body: "Yes, done! It ships tomorrow." });
    await must(agent.socket, "send_message", { sessionId, clientMessageId: clientId(), body: "Anything else?" });
    // The first answer also reaches the shopper's notification centre, through the outbox.
    const outbox = await db.outboxEvent.findMany({ where: { topic: "notification", userId: shopperUser.user.id } });
    expect(outbox).toHaveLength(1);
    expect(JSON.parse(outbox[0]!.payload)).toMatchObject({ kind: "support.reply", body: answer.body });

    // The shopper comes back on a new connection (reload): the answer is there.
    const back = await h.open(service.url, shopperUser.token);
    expect((await must(back, "list_my_sessions", {})).map((s) => s.id)).toEqual([sessionId]);
    const rejoined = await must(back, "rejoin_session", { sessionId, lastSeq: contact.lastSeq });
    expect(rejoined.session).toMatchObject({ status: "ACTIVE", agent: { name: "Omar" }, offline: true });
    expect(rejoined.messages.map((m) => m.body)).toEqual(["Omar joined the chat.", answer.body, "Anything else?"]);
    expect(rejoined.queue).toBeNull();
  });

  it("answers automatically outside support hours, even with agents online", async () => {
    const agent = await h.join(closed.url, "AGENT");
    await must(agent.socket, "set_agent_status", { status: "online" });
    const shopper = await h.join(closed.url, "SHOPPER");
    const queued = nextEvent<QueueChange>(agent.socket, "queue_changed", (q) => q.sessions.some((s) => s.offline && s.topic === "After hours"));
    const started = await must(shopper.socket, "start_session", { topic: "After hours" });
    expect(started.session.offline).toBe(true);
    expect(started.messages[0]!.body).toContain(`Our team answers chats ${closedHours().replace("-", "–")} (UTC)`);
    await queued;
  });
});
