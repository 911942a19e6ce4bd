/**
 * Flash-offer burst: S distinct shoppers in one show claim a Q-unit offer within W seconds.
 * Exactly Q must win (counted from the acks and from the database), stock must drop by exactly
 * Q, and the claim ack p99 must stay ≤ 500 ms. The database is SQLite unless
 * TEST_DATABASE=postgres (run it both ways):
 *   bun bench/run.ts offer-burst
 *   TEST_DATABASE=postgres bun bench/run.ts offer-burst
 */
import { randomUUID } from "node:crypto";
import { availableParallelism } from "node:os";
import { ackOutcome, claimOutcome, claimPayload, joinPayload, LIVE_EVENTS, offerPayload, seedLiveShow } from "./live/adapter";
import { defineBenchmark, runStandalone } from "./lib/benchmark";
import { connectCrowd } from "./lib/crowd";
import { Histogram } from "./lib/histogram";
import type { LightSocket } from "./lib/light-socket";
import { paced } from "./lib/pace";
import { cpuWindow, machineBusy, processRssBytes } from "./lib/proc-stats";
import { fmt } from "./lib/report";
import { withService } from "./lib/services";

const options = {
  shoppers: { default: 5000, help: "distinct shoppers who claim" },
  units: { default: 500, help: "units in the offer" },
  "burst-seconds": { default: 2, help: "all claims are sent within this window" },
  "stock-extra": { default: 500, help: "product stock beyond the offer (the offer must not take more)" },
  "p99-ms": { default: 500, help: "target claim-ack p99" },
  "connect-concurrency": { default: 100, help: "handshakes in flight while the crowd connects" },
} as const;

export const offerBurst = defineBenchmark({
  name: "offer-burst",
  description: "flash-offer burst: exactly N winners, claim-ack p99 (SQLite, or PostgreSQL with TEST_DATABASE=postgres)",
  options,
  maxSeconds: (o) => Math.ceil(90 + o.shoppers / 40 + o["burst-seconds"] + 60),
  async run(o, ctx) {
    const stock = o.units + o["stock-extra"];
    return withService(
      "live-stream",
      (db) => seedLiveShow(db, o.shoppers, stock),
      async ({ seeded: show, database, server, sockets }) => {
        const crowdOptions = { concurrency: o["connect-concurrency"], deadlineMs: Math.max(10_000, ctx.deadline - Date.now() - 60_000), maxErrors: 20 };
        const join = async (socket: LightSocket) => {
          const outcome = ackOutcome(await socket.emitWithAck(LIVE_EVENTS.join, joinPayload(show.showId), 15_000));
          if (outcome !== "OK") throw new Error(`${LIVE_EVENTS.join} refused: ${outcome}`);
        };

        const hostCrowd = await connectCrowd(server.url, [show.host.token], join, crowdOptions);
        if (hostCrowd.failures) throw new Error(`the host could not join: ${hostCrowd.errors.join("; ")}`);
        sockets.push(...hostCrowd.sockets);
        const shoppers = await connectCrowd(
          server.url,
          show.shoppers.map((s) => s.token),
          join,
          crowdOptions,
        );
        sockets.push(...shoppers.sockets);
        console.log(`${shoppers.sockets.length} shoppers joined (join p99 ${fmt(shoppers.readyLatency.quantileMs(0.99), 1)} ms, ${shoppers.failures} failed)`);
        if (shoppers.failures) throw new Error(`${shoppers.failures} shoppers could not join: ${shoppers.errors.join("; ")}`);

        const offerAck = await hostCrowd.sockets[0]!.emitWithAck<{ ok: boolean; data?: { id: string } }>(
          LIVE_EVENTS.activateOffer,
          offerPayload(show.showId, show.productId, o.units, Math.round(show.productPriceCents / 2), 300),
        );
        if (!offerAck.ok || !offerAck.data) throw new Error(`activate_offer refused: ${JSON.stringify(offerAck)}`);
        const offerId = offerAck.data.id;

        const latency = new Histogram();
        const outcomes: Record<string, number> = {};
        const acks: Promise<void>[] = [];
        const rssBefore = processRssBytes(server.pid);
        const cpu = cpuWindow([server.pid]);
        const busy = machineBusy();
        const burst = await paced(shoppers.sockets.length / o["burst-seconds"], o["burst-seconds"], ctx.deadline, (i) => {
          const sentAt = performance.now();
          acks.push(
            shoppers.sockets[i]!.emitWithAck(LIVE_EVENTS.claimOffer, claimPayload(offerId, randomUUID()), 30_000).then(
              (ack) => {
                latency.recordMs(performance.now() - sentAt);
                const outcome = claimOutcome(ack);
                outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
              },
              () => void (outcomes.ACK_TIMEOUT = (outcomes.ACK_TIMEOUT ?? 0) + 1),
            ),
          );
        });
        await Promise.all(acks);
        const window = cpu();
        const others = Math.max(0, busy() * availableParallelism() - window.serverCores - window.generatorCores);
        const rssAfter = processRssBytes(server.pid);

        const db = database.db;
        const [offerRow, claims, winners, cartLines, product] = await Promise.all([
          db.offer.findUniqueOrThrow({ where: { id: offerId }, select: { claimed: true, quantity: true } }),
          db.offerClaim.count({ where: { offerId } }),
          db.offerClaim.findMany({ where: { offerId }, distinct: ["userId"], select: { userId: true } }),
          db.cartItem.count({ where: { offerClaim: { offerId } } }),
          db.product.findUniqueOrThrow({ where: { id: show.productId }, select: { stock: true } }),
        ]);
        const won = outcomes.won ?? 0;
        const l = latency.summary();
        const exact =
          won === o.units &&
          claims === o.units &&
          winners.length === o.units &&
          cartLines === o.units &&
          offerRow.claimed === o.units &&
          product.stock === stock - o.units;
        const errors = Object.entries(outcomes).filter(([k]) => !["won", "sold_out", "already_claimed", "expired"].includes(k));
        const provider = database.provider;
        return {
          title: `Flash-offer burst — ${fmt(shoppers.sockets.length)} shoppers, ${fmt(o.units)} units, ${provider}`,
          processes: [server.command],
          summary: [
            `${provider}: **${fmt(won)} winners** acked, ${fmt(claims)} claim rows, ${fmt(winners.length)} distinct winners, ${fmt(cartLines)} cart lines, offer.claimed ${fmt(offerRow.claimed)}, stock ${fmt(stock)} → ${fmt(product.stock)} — exactly ${fmt(o.units)}: **${exact ? "yes" : "NO"}**`,
            `claim ack p50 ${fmt(l.p50, 1)} ms, p99 **${fmt(l.p99, 1)} ms**, max ${fmt(l.max, 1)} ms (target p99 ≤ ${o["p99-ms"]} ms: ${l.p99 <= o["p99-ms"] ? "met" : "NOT met"})`,
            `claims sent in ${fmt(burst.elapsedMs / 1000, 2)} s (${fmt(burst.achievedRate)} claims/s); outcomes ${JSON.stringify(outcomes)}${errors.length ? " — errors present" : ""}`,
          ],
          sections: [
            {
              heading: "Claims",
              table: {
                columns: [
                  "database",
                  "shoppers",
                  "units",
                  "sent in s",
                  "won",
                  "sold out",
                  "already",
                  "expired",
                  "errors",
                  "p50 ms",
                  "p90 ms",
                  "p99 ms",
                  "max ms",
                  "server cores",
                  "server CPU ms",
                  "generator cores",
                  "others cores",
                  "RSS before → after MiB",
                ],
                rows: [
                  [
                    provider,
                    fmt(shoppers.sockets.length),
                    fmt(o.units),
                    fmt(burst.elapsedMs / 1000, 2),
                    fmt(won),
                    fmt(outcomes.sold_out ?? 0),
                    fmt(outcomes.already_claimed ?? 0),
                    fmt(outcomes.expired ?? 0),
                    errors.length ? JSON.stringify(Object.fromEntries(errors)) : "0",
                    fmt(l.p50, 1),
                    fmt(l.p90, 1),
                    fmt(l.p99, 1),
                    fmt(l.max, 1),
                    fmt(window.serverCores, 2),
                    fmt(window.serverCpuUs / 1000),
                    fmt(window.generatorCores, 2),
                    fmt(others, 2),
                    `${fmt(rssBefore / 2 ** 20, 1)} → ${fmt(rssAfter / 2 ** 20, 1)}`,
                  ],
                ],
              },
            },
            {
              heading: "Database after the burst",
              table: {
                columns: ["offer.claimed", "OfferClaim rows", "distinct winners", "cart lines from the offer", "stock before", "stock after"],
                rows: [[offerRow.claimed, claims, winners.length, cartLines, stock, product.stock]],
              },
            },
          ],
          notes: [
            "Every shopper is a distinct user row with its own realtime token and its own light socket, joined to the show before the burst; each sends one claim_offer with a fresh clientClaimId, spread evenly over the burst window.",
            "Claim latency is emit → ack at the generator. Winners are counted three ways: acks with outcome won, OfferClaim rows, and cart lines linked to the offer.",
          ],
          othersCores: [others],
          data: {
            options: o,
            provider,
            outcomes,
            latency: l,
            offer: offerRow,
            claims,
            distinctWinners: winners.length,
            cartLines,
            stock: { before: stock, after: product.stock },
            cpu: window,
          },
        };
      },
    );
  },
});

if (import.meta.main) await runStandalone(offerBurst);
