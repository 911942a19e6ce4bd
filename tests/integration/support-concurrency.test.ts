import type { Socket } from "socket.io-client";
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

  it("keeps an agent to their cap when they claim several chats at once", async () => {
    const agent = await join("AGENT");
    await db.user.update({ where: { id: agent.user.id }, data: { maxChats: 2 } });
    await must(agent.socket, "set_agent_status", { status: "online" });
    const sessionIds: string[] = [];
    for (let i = 0; i < 6; i++) sessionIds.push((await must((await join("GUEST")).socket, "start_session", { topic: `Cap ${i}` })).session.id);

    const acks = await Promise.all(sessionIds.map((sessionId) => ask(agent.socket, "claim_session", { sessionId })));
    expect(acks.filter((a) => a.ok)).toHaveLength(2);
    for (const refusal of acks.filter((a) => !a.ok))
      expect(refusal).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringMatching(/2 open chats/) } });
    expect(await db.supportSession.count({ where: { agentId: agent.user.id, status: "ACTIVE" } })).toBe(2);
    expect(await db.supportSession.count({ where: { id: { in: sessionIds }, status: "QUEUED", agentId: null } })).toBe(4);
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

  it("writes a burst over many conversations in shared transactions: per-conversation order, no gaps, refusals take no seq", async () => {
    const agent = await join("AGENT");
    await db.user.update({ where: { id: agent.user.id }, data: { maxChats: 20 } });
    await must(agent.socket, "set_agent_status", { status: "online" });
    const chats = [];
    for (let i = 0; i < 6; i++) {
      const shopper = await join("GUEST");
      const { session } = await must(shopper.socket, "start_session", { topic: `Burst ${i}` });
      await must(agent.socket, "claim_session", { sessionId: session.id });
      chats.push({ shopper, sessionId: session.id });
    }
    const [closed, ...open] = chats;
    await must(closed!.shopper.socket, "end_session", { sessionId: closed!.sessionId });
    const stranger = await join("GUEST");
    const before = await db.supportMessage.count();

    // Everything at once, without awaiting: the writer batches what arrives while it writes.
    const heard = open.map(({ sessionId }) => shopperLines(agent.socket, sessionId, 3));
    const retryId = clientId();
    const sends = [
      ...open.flatMap(({ shopper, sessionId }) =>
        [0, 1, 2].map((i) =>
          ask(shopper.socket, "send_message", {
            sessionId,
            clientMessageId: i === 0 && sessionId === open[0]!.sessionId ? retryId : clientId(),
            body: `line ${i}`,
          }),
        ),
      ),
      ...open.map(({ sessionId }, i) => ask(agent.socket, "send_message", { sessionId, clientMessageId: clientId(), body: `answer ${i}` })),
      ask(open[0]!.shopper.socket, "send_message", { sessionId: open[0]!.sessionId, clientMessageId: retryId, body: "line 0" }),
      ask(closed!.shopper.socket, "send_message", { sessionId: closed!.sessionId, clientMessageId: clientId(), body: "too late" }),
      ask(stranger.socket, "send_message", { sessionId: open[1]!.sessionId, clientMessageId: clientId(), body: "not mine" }),
    ];
    const acks = await Promise.all(sends);
    const [ended, foreign] = acks.slice(-2);
    expect(ended).toMatchObject({ ok: false, error: { code: "UNPROCESSABLE" } });
    expect(foreign).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const delivered = acks.slice(0, -2).map((a) => {
      if (!a.ok) throw new Error(`refused: ${a.error.code}`);
      return a.data;
    });
    // The retry got the original back.
    expect(delivered.at(-1)!.id).toBe(delivered[0]!.id);
    expect(await db.supportMessage.count()).toBe(before + open.length * 4);

    for (const [i, { sessionId }] of open.entries()) {
      const rows = await db.supportMessage.findMany({ where: { sessionId }, orderBy: { seq: "asc" } });
      expect(rows.map((m) => m.seq)).toEqual(rows.map((_, j) => j + 1));
      // One socket's sends keep their order.
      expect(rows.filter((m) => m.senderRole === "SHOPPER").map((m) => m.body)).toEqual(["line 0", "line 1", "line 2"]);
      expect((await db.supportSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeq).toBe(rows.length);
      // The agent heard the shopper's three lines, each once (acked means stored: the row exists).
      expect((await heard[i]!).map((m) => m.seq)).toEqual(rows.filter((m) => m.senderRole === "SHOPPER").map((m) => m.seq));
    }
    const closedRow = await db.supportSession.findUniqueOrThrow({ where: { id: closed!.sessionId } });
    expect(await db.supportMessage.count({ where: { sessionId: closed!.sessionId } })).toBe(closedRow.lastSeq);
  });
});

/** The next n shopper messages of one session that this socket hears. */
function shopperLines(socket: Socket, sessionId: string, n: number): Promise<MessageView[]> {
  return new Promise((resolve) => {
    const got: MessageView[] = [];
    const on = (m: MessageView) => {
      if (m.sessionId !== sessionId || m.senderRole !== "SHOPPER") return;
      got.push(m);
      if (got.length === n) {
        socket.off("message", on);
        resolve(got);
      }
    };
    socket.on("message", on);
  });
}
