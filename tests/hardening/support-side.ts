import type { Socket } from "socket.io-client";
import { expect } from "vitest";
import { lastSeqOf, mergeMessages } from "@/components/support/merge-messages";
import type { Ack } from "@/realtime/ack";
import type { MessageView, RejoinResult, SessionStarted } from "@/realtime/support-chat";
import type { Db } from "@/server/db/client";
import { connect } from "../support/socket";
import { createUser } from "../support/tokens";
import { sleep } from "./figures";

const ACK_TIMEOUT_MS = 5000;

/** Called right after a send leaves the client: the crash is timed to land on a message in flight. */
export const sendHooks: { afterEmit: (() => void) | null } = { afterEmit: null };

/** One side of a conversation as a careful client: queue, retry by clientMessageId, rejoin from its last seq. */
export class Side {
  socket: Socket | null = null;
  view: MessageView[] = [];
  acked = new Map<string, number>();
  sent: string[] = [];
  reconnects = 0;
  /** Messages first heard as live events (the rest came with a rejoin). */
  heardLive = 0;
  retries = 0;
  sessionId = "";

  constructor(
    readonly label: string,
    readonly token: string,
    readonly isAgent: boolean,
    private readonly url: () => string,
  ) {}

  /** Connected and caught up: reconnects while the service is down, then rejoins with the last seq. */
  async ready(deadline: number): Promise<Socket> {
    while (!this.socket?.connected) {
      if (Date.now() > deadline) throw new Error(`${this.label}: could not reconnect`);
      this.socket?.close();
      this.socket = await connect(this.url(), { token: this.token }).catch(() => null);
      if (!this.socket) {
        await sleep(100);
        continue;
      }
      if (this.sessionId) this.reconnects += 1;
      if (this.isAgent)
        await this.socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck("set_agent_status", { status: "online" })
          .catch(() => null);
      if (this.sessionId) await this.rejoin().catch(() => this.socket?.close());
    }
    return this.socket;
  }

  async rejoin(): Promise<void> {
    const socket = this.socket!;
    const ack: Ack<RejoinResult> = await socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck("rejoin_session", { sessionId: this.sessionId, lastSeq: lastSeqOf(this.view) });
    if (!ack.ok) throw new Error(`${this.label}: rejoin refused: ${ack.error.message}`);
    this.view = mergeMessages(this.view, ack.data.messages);
    socket.off("message");
    socket.on("message", (m: MessageView) => {
      if (m.sessionId !== this.sessionId) return;
      if (!this.view.some((v) => v.seq === m.seq)) this.heardLive += 1;
      this.view = mergeMessages(this.view, [m]);
    });
  }

  /** Sends until the server acks it; every attempt carries the same clientMessageId. */
  async send(clientMessageId: string, body: string, deadline: number, double: boolean): Promise<void> {
    this.sent.push(clientMessageId);
    for (;;) {
      const socket = await this.ready(deadline);
      const attempt = () =>
        socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck("send_message", { sessionId: this.sessionId, clientMessageId, body })
          .catch(() => null) as Promise<Ack<MessageView> | null>;
      const pending = Promise.all(double ? [attempt(), attempt()] : [attempt()]);
      sendHooks.afterEmit?.();
      const acks = await pending;
      const stored = acks.filter((a): a is { ok: true; data: MessageView } => !!a?.ok);
      if (stored.length) {
        expect(new Set(stored.map((a) => a.data.seq)).size, `${clientMessageId}: one seq for every copy`).toBe(1);
        this.acked.set(clientMessageId, stored[0]!.data.seq);
        return;
      }
      this.retries += 1;
      const refused = acks.find((a) => a && !a.ok);
      if (refused && !refused.ok && refused.error.code !== "RATE_LIMITED") throw new Error(`${this.label}: ${refused.error.code} ${refused.error.message}`);
      if (Date.now() > deadline) throw new Error(`${this.label}: ${clientMessageId} never acked`);
      await sleep(refused ? 1000 : 100);
    }
  }
}

/** A guest and an agent in one claimed conversation, each caught up with it; each side reconnects to its own URL. */
export async function openPair(
  db: Db,
  index: number,
  topic: string,
  urls: { shopper: () => string; agent: () => string },
  deadline: number,
): Promise<[Side, Side]> {
  const shopper = new Side(`shopper ${index}`, (await createUser(db, "GUEST")).token, false, urls.shopper);
  const agent = new Side(`agent ${index}`, (await createUser(db, "AGENT")).token, true, urls.agent);
  const started: Ack<SessionStarted> = await (await shopper.ready(deadline)).timeout(ACK_TIMEOUT_MS).emitWithAck("start_session", { topic });
  if (!started.ok) throw new Error(started.error.message);
  const sessionId = started.data.session.id;
  const claimed: Ack<unknown> = await (await agent.ready(deadline)).timeout(ACK_TIMEOUT_MS).emitWithAck("claim_session", { sessionId });
  if (!claimed.ok) throw new Error(claimed.error.message);
  for (const side of [shopper, agent]) {
    side.sessionId = sessionId;
    await side.rejoin();
  }
  return [shopper, agent];
}
