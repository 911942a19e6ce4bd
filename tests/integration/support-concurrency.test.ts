import { beforeAll, describe, expect, it } from "vitest";
import type { Ack } from "@/realtime/ack";
import type { MessageView, SessionView } from "@/realtime/support-chat";
import type { Db } from "@/server/db/client";
import type { ServiceProcess } from "../support/service-process";
import { createUser } from "../support/tokens";
import { ask, clientId, must, supportHarness } from "./support-chat-helpers";

describe("support chat under concurrency", () => {
  const h = supportHarness();
  let db: Db;
  let service: ServiceProcess;
  const join = (role: "GUEST" | "AGENT") => h.join(service.url, role);

  beforeAll(async () => {
    db = h.db;
    service = await h.start();
  });

  it("lets exactly one of two agents claiming at once win, every time", async () => {
    const agents = [await join("AGENT"), await join("AGENT")];
    await db.user.updateMany({ where: { id: { in: agents.map((a) => a.user.id) } }, data: { maxChats: 20 } });
    for (const a of agents) await must(a.socket, "set_agent_status", { status: "online" });
    const shopper = await join("GUEST");
    const sessions: string[] = [];
    for (let i = 0; i < 3; i++) sessions.push((await must(shopper.socket, "start_session", { topic: `Race ${i}` })).session.id);
    for (let i = 0; i < 3; i++) {
      const shopperB = await join("GUEST");
      sessions.push((await must(shopperB.socket, "start_session", { topic: `Race b${i}` })).session.id);
    }

    for (const sessionId of sessions) {
      const acks = await Promise.all(agents.map((a) => ask(a.socket, "claim_session", { sessionId })));
      const winners = acks.filter((a): a is Extract<Ack<SessionView>, { ok: true }> => a.ok);
      const losers = acks.filter((a) => !a.ok);
      expect(winners).toHaveLength(1);
      expect(losers).toMatchObject([{ ok: false, error: { code: "CONFLICT" } }]);
      const row = await db.supportSession.findUniqueOrThrow({ where: { id: sessionId } });
      expect(row).toMatchObject({ status: "ACTIVE", agentId: winners[0]!.data.agent!.id });
      // One "joined" line, not two.
      expect(await db.supportMessage.count({ where: { sessionId, kind: "SYSTEM", body: { contains: "joined" } } })).toBe(1);
    }
  });

  it("numbers concurrent messages from several senders without gaps or repeats", async () => {
    const agent = await join("AGENT");
    await must(agent.socket, "set_agent_status", { status: "online" });
    const shopper = await join("GUEST");
    const { session, resumeToken } = await must(shopper.socket, "start_session", { topic: "Busy" });
    await must(agent.socket, "claim_session", { sessionId: session.id });
    const second = await createUser(db, "GUEST");
    const device = await h.open(service.url, second.token);
    await must(device, "rejoin_session", { resumeToken, lastSeq: 0 });

    const senders = [shopper.socket, agent.socket, device];
    // Within the per-identity message limit: 8 + 8 + 4 (+ the retried one).
    const sends = senders.flatMap((socket, s) =>
      Array.from({ length: s === 2 ? 4 : 8 }, (_, i) =>
        must(socket, "send_message", { sessionId: session.id, clientMessageId: clientId(), body: `sender ${s} #${i}` }),
      ),
    );
    // The same message retried five times at once is still one message.
    const retryId = clientId();
    const retries = Array.from({ length: 5 }, () => must(device, "send_message", { sessionId: session.id, clientMessageId: retryId, body: "once" }));
    const sent: MessageView[] = await Promise.all([...sends, ...retries]);

    expect(new Set(sent.slice(-5).map((m) => m.id)).size).toBe(1);
    const stored = await db.supportMessage.findMany({ where: { sessionId: session.id }, orderBy: { seq: "asc" } });
    expect(stored.map((m) => m.seq)).toEqual(stored.map((_, i) => i + 1));
    expect(stored.filter((m) => m.clientMessageId === retryId)).toHaveLength(1);
    expect(stored.filter((m) => m.kind === "MESSAGE")).toHaveLength(21);
    expect((await db.supportSession.findUniqueOrThrow({ where: { id: session.id } })).lastSeq).toBe(stored.length);
  });
});
