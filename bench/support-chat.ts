/**
 * Support chat: C conversations, each a shopper and an agent who claimed it, exchanging R
 * messages a second (the two sides alternate). Measures send → other side latency, counts
 * refusals, and checks that every acknowledged message is in the database.
 *   bun bench/run.ts support-chat --conversations 1000 --seconds 30
 *
 * The service limits every identity to SUPPORT_LIMITS.messagesPerWindow messages per
 * windowSeconds (4/s); 2 messages/s per conversation means each side sends 1/s when every
 * agent has one conversation (the default). Refusals are reported, not hidden.
 */
import { availableParallelism } from "node:os";
import { SUPPORT_LIMITS } from "@/realtime/support-chat";
import type { Db } from "@/server/db/client";
import { ackOutcome } from "./live/adapter";
import { defineBenchmark, runStandalone } from "./lib/benchmark";
import { connectCrowd } from "./lib/crowd";
import { Histogram } from "./lib/histogram";
import type { LightSocket } from "./lib/light-socket";
import { paced } from "./lib/pace";
import { cpuWindow, machineBusy, processRssBytes } from "./lib/proc-stats";
import { fmt } from "./lib/report";
import { createUsers } from "./lib/seed";
import { withService } from "./lib/services";
import { stamp, StampTally } from "./lib/stamp";
import { sleep, waitUntil } from "./lib/swarm";

const options = {
  conversations: { default: 1000, help: "concurrent conversations (one shopper each)" },
  agents: { default: 0, help: "agents sharing them (0 = one agent per conversation)" },
  "rate-per-conversation": { default: 2, help: "messages/s per conversation, the two sides alternating" },
  seconds: { default: 30, help: "how long both sides talk" },
  "p99-ms": { default: 50, help: "target send → other side p99" },
  "connect-concurrency": { default: 50, help: "handshakes and setups in flight" },
} as const;

const SHOPPER_TAG = 1;
const AGENT_TAG = 2;
type Ack = { ok: boolean; data?: { session?: { id: string } }; error?: { code: string } };

export const supportChat = defineBenchmark({
  name: "support-chat",
  description: "support chat: send → other side p99 over many conversations, every message persisted",
  options,
  maxSeconds: (o) => Math.ceil(120 + o.conversations / 5 + o.seconds + 30),
  async run(o, ctx) {
    const agentsCount = o.agents || o.conversations;
    const chatsPerAgent = Math.ceil(o.conversations / agentsCount);
    const seed = async (db: Db) => {
      const agents = await createUsers(db, agentsCount, "bench-agent", "AGENT");
      // In slices: Prisma refuses more than 999 bound parameters on SQLite.
      for (let i = 0; i < agents.length; i += 500) {
        await db.user.updateMany({ where: { id: { in: agents.slice(i, i + 500).map((a) => a.id) } }, data: { maxChats: Math.max(3, chatsPerAgent) } });
      }
      return { agents, shoppers: await createUsers(db, o.conversations, "bench-asker") };
    };
    return withService("support-chat", seed, async ({ seeded: { agents, shoppers }, database, server, sockets }) => {
      const db = database.db;
      const crowdOptions = {
        concurrency: o["connect-concurrency"],
        deadlineMs: Math.max(10_000, ctx.deadline - Date.now() - o.seconds * 1000 - 90_000),
        maxErrors: 20,
      };
      const tally = new StampTally();
      const setupStarted = performance.now();
      let setupBytes = 0;
      // Each side counts only what the other side sent; everything else (its own echo, the
      // queue changes agents receive) is consumed unparsed, its bytes counted.
      const hears = (tag: number) => (socket: LightSocket) => {
        const marker = `~b${tag}.`;
        socket.onFrame = (frame) => {
          if (frame.includes(marker)) tally.record(frame);
          else setupBytes += frame.length;
          return true;
        };
      };
      const ok = (ack: Ack, what: string) => {
        if (!ack.ok) throw new Error(`${what} refused: ${ackOutcome(ack)}`);
        return ack;
      };

      const agentCrowd = await connectCrowd(
        server.url,
        agents.map((a) => a.token),
        async (socket) => {
          ok(await socket.emitWithAck<Ack>("set_agent_status", { status: "online" }, 30_000), "set_agent_status");
        },
        crowdOptions,
        hears(SHOPPER_TAG),
      );
      sockets.push(...agentCrowd.sockets);
      if (agentCrowd.failures) throw new Error(`${agentCrowd.failures} agents could not go online: ${agentCrowd.errors.join("; ")}`);
      console.log(`${agentCrowd.sockets.length} agents online (${fmt((performance.now() - setupStarted) / 1000, 1)} s)`);

      const sessionIds: string[] = [];
      const shopperCrowd = await connectCrowd(
        server.url,
        shoppers.map((s) => s.token),
        async (socket, index) => {
          const started = ok(await socket.emitWithAck<Ack>("start_session", { topic: `Benchmark question ${index}` }, 30_000), "start_session");
          const sessionId = started.data?.session?.id;
          if (!sessionId) throw new Error("start_session acked without a session id");
          const agent = agentCrowd.sockets[index % agentCrowd.sockets.length]!;
          ok(await agent.emitWithAck<Ack>("claim_session", { sessionId }, 30_000), "claim_session");
          sessionIds[index] = sessionId;
        },
        crowdOptions,
        hears(AGENT_TAG),
      );
      sockets.push(...shopperCrowd.sockets);
      const setupSeconds = (performance.now() - setupStarted) / 1000;
      console.log(
        `${shopperCrowd.sockets.length} conversations started and claimed in ${fmt(setupSeconds, 1)} s (${fmt(setupBytes / 2 ** 20, 1)} MiB of other frames received meanwhile)`,
      );
      if (shopperCrowd.failures) throw new Error(`${shopperCrowd.failures} conversations could not start: ${shopperCrowd.errors.join("; ")}`);
      await sleep(2000);
      const setupMiB = setupBytes / 2 ** 20;

      const C = o.conversations;
      const prefix = `bm${Date.now().toString(36)}`;
      tally.open(SHOPPER_TAG);
      tally.open(AGENT_TAG);
      const ackLatency = new Histogram();
      const refusals: Record<string, number> = {};
      let acked = 0;
      const ackedIds: string[] = [];
      const acks: Promise<void>[] = [];
      const cpu = cpuWindow([server.pid]);
      const busy = machineBusy();
      const pace = await paced(C * o["rate-per-conversation"], o.seconds, ctx.deadline - 30_000, (i) => {
        const conversation = Math.floor(i / 2) % C;
        const fromShopper = i % 2 === 0;
        const socket = fromShopper ? shopperCrowd.sockets[conversation]! : agentCrowd.sockets[conversation % agentCrowd.sockets.length]!;
        const sentAt = performance.now();
        const payload = {
          sessionId: sessionIds[conversation]!,
          clientMessageId: `${prefix}-${i}`,
          body: `${stamp(fromShopper ? SHOPPER_TAG : AGENT_TAG, sentAt)} ${fromShopper ? "Where is my order?" : "Let me check that for you."}`,
        };
        acks.push(
          socket.emitWithAck<Ack>("send_message", payload, 10_000).then(
            (ack) => {
              ackLatency.recordMs(performance.now() - sentAt);
              if (ack.ok) {
                acked++;
                ackedIds.push(payload.clientMessageId);
              } else refusals[ackOutcome(ack)] = (refusals[ackOutcome(ack)] ?? 0) + 1;
            },
            () => void (refusals.ACK_TIMEOUT = (refusals.ACK_TIMEOUT ?? 0) + 1),
          ),
        );
      });
      await Promise.all(acks);
      const delivered = () => tally.count(SHOPPER_TAG) + tally.count(AGENT_TAG);
      await waitUntil(() => delivered() >= acked, 5000);
      const window = cpu();
      const others = Math.max(0, busy() * availableParallelism() - window.serverCores - window.generatorCores);
      const rss = processRssBytes(server.pid);

      const persisted = await db.supportMessage.count({ where: { clientMessageId: { startsWith: `${prefix}-` } } });
      // Exact: each acknowledged send, by its clientMessageId (in chunks, for the query's size).
      let ackedPersisted = 0;
      for (let i = 0; i < ackedIds.length; i += 500) {
        ackedPersisted += await db.supportMessage.count({ where: { clientMessageId: { in: ackedIds.slice(i, i + 500) } } });
      }
      const latency = tally.histogram(SHOPPER_TAG);
      latency.merge(tally.histogram(AGENT_TAG));
      const l = latency.summary();
      const lost = Math.max(0, acked - delivered());
      const refused = Object.values(refusals).reduce((a, b) => a + b, 0);
      const met = l.p99 <= o["p99-ms"] && lost === 0 && ackedPersisted === acked && refused === 0;
      const perIdentity = (o["rate-per-conversation"] / 2) * chatsPerAgent;
      const limit = SUPPORT_LIMITS.messagesPerWindow / SUPPORT_LIMITS.windowSeconds;
      return {
        title: `Support chat — ${fmt(C)} conversations × ${o["rate-per-conversation"]} msg/s for ${o.seconds} s (${database.provider})`,
        processes: [server.command],
        summary: [
          `${fmt(pace.sent)} messages sent (${fmt(pace.achievedRate)}/s), ${fmt(acked)} acknowledged, **${fmt(refused)} refused** ${refused ? JSON.stringify(refusals) : ""}; ${fmt(persisted)} persisted — every acknowledged one: ${ackedPersisted === acked ? "yes" : `NO (${fmt(acked - ackedPersisted)} missing)`}${persisted > ackedPersisted ? `, plus ${fmt(persisted - ackedPersisted)} whose ack never came in time` : ""}`,
          `send → other side p50 ${fmt(l.p50, 1)} ms, p99 **${fmt(l.p99, 1)} ms**, max ${fmt(l.max, 1)} ms, ${fmt(lost)} acknowledged but not delivered — target p99 ≤ ${o["p99-ms"]} ms with every message persisted: **${met ? "met" : "NOT met"}**`,
          `each identity sends ${fmt(perIdentity, 2)} msg/s against the service's limit of ${SUPPORT_LIMITS.messagesPerWindow} per ${SUPPORT_LIMITS.windowSeconds} s (${fmt(limit, 2)}/s)`,
          `setup (${fmt(agentsCount)} agents online, ${fmt(C)} sessions started and claimed): ${fmt(setupSeconds, 1)} s, ${fmt(setupMiB, 1)} MiB of queue and session frames to the generator; server ${fmt(window.serverCores, 2)} cores while talking, generator ${fmt(window.generatorCores, 2)}, others ${fmt(others, 2)}`,
        ],
        sections: [
          {
            heading: "Messages",
            table: {
              columns: [
                "database",
                "conversations",
                "agents",
                "msg/s",
                "acked",
                "refused",
                "persisted",
                "delivered",
                "p50 ms",
                "p90 ms",
                "p99 ms",
                "max ms",
                "ack p99 ms",
                "server cores",
                "server µs/msg",
                "generator cores",
                "others cores",
                "server RSS MiB",
              ],
              rows: [
                [
                  database.provider,
                  fmt(C),
                  fmt(agentsCount),
                  fmt(pace.achievedRate),
                  fmt(acked),
                  fmt(refused),
                  fmt(persisted),
                  fmt(delivered()),
                  fmt(l.p50, 1),
                  fmt(l.p90, 1),
                  fmt(l.p99, 1),
                  fmt(l.max, 1),
                  fmt(ackLatency.quantileMs(0.99), 1),
                  fmt(window.serverCores, 2),
                  fmt(window.serverCpuUs / Math.max(1, acked), 1),
                  fmt(window.generatorCores, 2),
                  fmt(others, 2),
                  fmt(rss / 2 ** 20, 1),
                ],
              ],
            },
          },
        ],
        notes: [
          "Setup: every agent connects and goes online (set_agent_status), then each shopper starts a session (start_session) and an agent claims it (claim_session). Each side is a real user row with its own token and light socket.",
          "Messages alternate shopper → agent and agent → shopper; each carries its send time in the body and is timed when the OTHER side's socket receives the `message` event. Persistence is checked by counting SupportMessage rows with the benchmark's clientMessageId prefix against the acknowledged sends.",
          `Event frames other than the timed messages (echoes, queue changes, session events; acks are not counted) are consumed without parsing; during setup they came to ${fmt(setupMiB, 1)} MiB, ${fmt((setupBytes - setupMiB * 2 ** 20) / 2 ** 20, 1)} MiB more while talking.`,
        ],
        othersCores: [others],
        data: {
          options: o,
          provider: database.provider,
          sent: pace.sent,
          acked,
          refusals,
          persisted,
          delivered: delivered(),
          latency: l,
          setupSeconds,
          cpu: window,
        },
      };
    });
  },
});

if (import.meta.main) await runStandalone(supportChat);
