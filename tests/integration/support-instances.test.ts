import { beforeAll, describe, expect, it } from "vitest";
import type { MessageView, QueueChange } from "@/realtime/support-chat";
import type { ServiceProcess } from "../support/service-process";
import { nextEvent } from "../support/socket";
import { clientId, must, supportHarness } from "./support-chat-helpers";

// A Redis database of its own: presence keys are shared by every instance that uses it.
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/7";

describe("support chat across two instances (Redis)", () => {
  const h = supportHarness();
  let a: ServiceProcess;
  let b: ServiceProcess;

  beforeAll(async () => {
    [a, b] = await Promise.all([h.start({ REDIS_URL }), h.start({ REDIS_URL })]);
  });

  it("shares presence, queue, messages and typing between instances", async () => {
    const agent = await h.join(a.url, "AGENT", "Ida");
    const shopper = await h.join(b.url, "GUEST");
    await must(agent.socket, "set_agent_status", { status: "online" });

    // The shopper's instance knows the agent on the other one is online.
    const queued = nextEvent<QueueChange>(agent.socket, "queue_changed", (q) => q.sessions.some((s) => s.topic === "Two instances"));
    const started = await must(shopper.socket, "start_session", { topic: "Two instances" });
    const sessionId = started.session.id;
    expect(started.session.offline).toBe(false);
    expect(started.queue?.agentsOnline).toBeGreaterThanOrEqual(1);
    await queued;

    const joined = nextEvent<MessageView>(shopper.socket, "message", (m) => m.body === "Ida joined the chat.");
    await must(agent.socket, "claim_session", { sessionId });
    await joined;
    const typing = nextEvent<{ from: string }>(agent.socket, "user_typing");
    await must(shopper.socket, "typing", { sessionId, isTyping: true });
    expect((await typing).from).toBe("shopper");
    const heard = nextEvent<MessageView>(agent.socket, "message", (m) => m.body === "hello from b");
    await must(shopper.socket, "send_message", { sessionId, clientMessageId: clientId(), body: "hello from b" });
    await heard;

    // The agent leaves instance a: an agent on instance b sees them go.
    const other = await h.join(b.url, "AGENT");
    const { queue } = await must(other.socket, "set_agent_status", { status: "away" });
    expect(queue.agents.find((x) => x.id === agent.user.id)).toMatchObject({ status: "online", activeChats: 1 });
    const gone = nextEvent<QueueChange>(other.socket, "queue_changed", (q) => q.removedAgents.includes(agent.user.id));
    agent.socket.close();
    await gone;
    await must(shopper.socket, "end_session", { sessionId });
  });
});
