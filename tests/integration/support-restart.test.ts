import { beforeAll, describe, expect, it } from "vitest";
import { lastSeqOf, mergeMessages } from "@/components/support/merge-messages";
import type { MessageView } from "@/realtime/support-chat";
import type { Db } from "@/server/db/client";
import type { ServiceProcess } from "../support/service-process";
import { collect, nextEvent } from "../support/socket";
import { createUser } from "../support/tokens";
import { clientId, expectInOrderOnce, must, supportHarness } from "./support-chat-helpers";

/** What a client keeps, merged the way the widget and the console merge. */
function transcript() {
  let messages: MessageView[] = [];
  return {
    add: (incoming: MessageView[]) => (messages = mergeMessages(messages, incoming)),
    lastSeq: () => lastSeqOf(messages),
    bodies: () => messages.map((m) => m.body),
  };
}

describe("support chat survives kill -9", () => {
  const h = supportHarness();
  let db: Db;
  let service: ServiceProcess;

  beforeAll(async () => {
    db = h.db;
    service = await h.start();
  });

  it("continues every conversation with every message exactly once and in order", async () => {
    const agentUser = await createUser(db, "AGENT", "Rita");
    const shopperUser = await createUser(db, "GUEST");
    const open = (token: string) => h.open(service.url, token);
    let agent = await open(agentUser.token);
    let shopper = await open(shopperUser.token);
    const shopperView = transcript();
    const agentView = transcript();

    await must(agent, "set_agent_status", { status: "online" });
    const started = await must(shopper, "start_session", { topic: "Damaged item" });
    const sessionId = started.session.id;
    shopperView.add(started.messages);
    const shopperLive = collect<MessageView>(shopper, "message");
    await must(agent, "claim_session", { sessionId });
    agentView.add((await must(agent, "rejoin_session", { sessionId, lastSeq: 0 })).messages);
    const agentLive = collect<MessageView>(agent, "message");

    const talk = [
      ["shopper", "The vase arrived broken"],
      ["agent", "Sorry to hear that! Do you have a photo?"],
      ["shopper", "Yes, sending it by email"],
    ] as const;
    for (const [who, body] of talk) {
      const heard = nextEvent<MessageView>(who === "shopper" ? agent : shopper, "message", (m) => m.body === body);
      await must(who === "shopper" ? shopper : agent, "send_message", { sessionId, clientMessageId: clientId(), body });
      await heard;
    }
    shopperView.add(shopperLive);
    agentView.add(agentLive);

    // In flight when the process dies: the shopper cannot know whether it was stored.
    const inFlightId = clientId();
    await must(shopper, "send_message", { sessionId, clientMessageId: inFlightId, body: "Did you get this?" });
    expect(await service.kill("SIGKILL")).toBeNull();

    // While the service is down, both sides queue what they write (as the widget does).
    const queuedByShopper = { clientMessageId: clientId(), body: "Hello? Are you still there?" };
    const queuedByAgent = { clientMessageId: clientId(), body: "Back in a second, our chat restarted" };

    service = await h.restart(service);
    agent = await open(agentUser.token);
    shopper = await open(shopperUser.token);
    await must(agent, "set_agent_status", { status: "online" });
    expect((await must(agent, "list_my_sessions", {})).map((s) => s.id)).toEqual([sessionId]);

    // Rejoin from what each side has, then flush the queues (the in-flight one is retried).
    const shopperRejoin = await must(shopper, "rejoin_session", { sessionId, resumeToken: started.resumeToken, lastSeq: shopperView.lastSeq() });
    const agentRejoin = await must(agent, "rejoin_session", { sessionId, lastSeq: agentView.lastSeq() });
    expect(shopperRejoin.session.status).toBe("ACTIVE");
    expect(shopperRejoin.messages.map((m) => m.body)).toEqual(["Did you get this?"]);
    shopperView.add(shopperRejoin.messages);
    agentView.add(agentRejoin.messages);
    const shopperAfter = collect<MessageView>(shopper, "message");
    const agentAfter = collect<MessageView>(agent, "message");

    const retried = await must(shopper, "send_message", { sessionId, clientMessageId: inFlightId, body: "Did you get this?" });
    expect(retried.seq).toBe(shopperRejoin.messages[0]!.seq);
    const agentHears = nextEvent<MessageView>(agent, "message", (m) => m.body === queuedByShopper.body);
    const shopperHears = nextEvent<MessageView>(shopper, "message", (m) => m.body === queuedByAgent.body);
    await must(shopper, "send_message", { sessionId, ...queuedByShopper });
    await must(agent, "send_message", { sessionId, ...queuedByAgent });
    await Promise.all([agentHears, shopperHears]);
    const final = nextEvent<MessageView>(shopper, "message", (m) => m.body === "Refund approved.");
    await must(agent, "send_message", { sessionId, clientMessageId: clientId(), body: "Refund approved." });
    await final;
    expectInOrderOnce(shopperAfter);
    shopperView.add(shopperAfter);
    agentView.add(agentAfter);

    const expected = [
      started.messages[0]!.body,
      "Rita joined the chat.",
      ...talk.map(([, body]) => body),
      "Did you get this?",
      queuedByShopper.body,
      queuedByAgent.body,
      "Refund approved.",
    ];
    expect(shopperView.bodies()).toEqual(expected);
    expect(agentView.bodies()).toEqual(expected);
    const stored = await db.supportMessage.findMany({ where: { sessionId }, orderBy: { seq: "asc" } });
    expect(stored.map((m) => m.body)).toEqual(expected);
    expect(stored.map((m) => m.seq)).toEqual(expected.map((_, i) => i + 1));
  });
});
