import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import { createDb } from "@/server/db/client";
import type { ClaimRequest, OfferTerms } from "@/server/live/claim-offer";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/database";
import { TEST_SECRETS } from "../support/env";
import { createUser } from "../support/tokens";
import { createShow, createUsers } from "../integration/live-helpers";
import { report, scaled } from "./figures";

// Case 7: the real claim function on a real database, for random units, stock, claimants,
// limits, retries and batch splits, with the batches racing each other.
const RUNS = scaled(40, 5);

interface Scenario {
  units: number;
  /** Stock the product has by the time claims arrive (orders may have taken some). */
  stockDelta: number;
  perShopperLimit: number;
  /** Per claimant: distinct claims beyond the limit, and retries of earlier ones. */
  claimants: { extra: number; retries: number[] }[];
  /** Sizes the shuffled requests are cut into; every batch runs at once. */
  batchSizes: number[];
  order: number[];
}

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    units: fc.integer({ min: 1, max: 25 }),
    stockDelta: fc.integer({ min: -3, max: 3 }),
    perShopperLimit: fc.integer({ min: 1, max: 3 }),
    claimants: fc.array(fc.record({ extra: fc.integer({ min: 0, max: 2 }), retries: fc.array(fc.nat(10), { maxLength: 3 }) }), { minLength: 1, maxLength: 15 }),
    batchSizes: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 12 }),
    seed: fc.nat(),
  })
  .chain((s) => {
    const total = s.claimants.reduce((n, c) => n + s.perShopperLimit + c.extra + c.retries.length, 0);
    return fc.shuffledSubarray([...Array(total).keys()], { minLength: total, maxLength: total }).map((order) => ({ ...s, order }));
  });

describe(`flash-offer claims, property-based on ${testProvider}`, () => {
  let database: TestDatabase;
  let db: Db;
  let claimOffers: typeof import("@/server/live/claim-offer").claimOffers;
  let hostId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    // The claim path uses the process-wide client: point it at this database before first use.
    Object.assign(process.env, TEST_SECRETS, { DATABASE_URL: database.url });
    ({ claimOffers } = await import("@/server/live/claim-offer"));
    db = createDb(database.url);
    hostId = (await createUser(db, "HOST")).user.id;
  });
  afterAll(async () => {
    await (await import("@/server/db/client")).disconnectDb();
    await db?.$disconnect();
    await database?.drop();
  });

  it("gives min(units, stock, claimants × limit) units, each shopper within the limit, each retry its first answer", async () => {
    let runs = 0;
    let requestsSent = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        runs += 1;
        const stock = Math.max(1, s.units + s.stockDelta);
        const { show, products } = await createShow(db, hostId, { products: 1, stock });
        const productId = products[0]!.id;
        const row = await db.offer.create({
          data: {
            showId: show.id,
            productId,
            priceCents: 500,
            quantity: s.units,
            perShopperLimit: s.perShopperLimit,
            startsAt: new Date(),
            endsAt: new Date(Date.now() + 600_000),
          },
        });
        const offer: OfferTerms = {
          id: row.id,
          showId: show.id,
          productId,
          priceCents: 500,
          quantity: s.units,
          perShopperLimit: s.perShopperLimit,
          endsAt: row.endsAt,
        };
        const users = await createUsers(db, s.claimants.length);

        const requests: ClaimRequest[] = [];
        s.claimants.forEach((c, i) => {
          const own = Array.from({ length: s.perShopperLimit + c.extra }, () => ({ userId: users[i]!.id, clientClaimId: randomUUID() }));
          requests.push(...own, ...c.retries.map((r) => own[r % own.length]!));
        });
        const shuffled = s.order.map((i) => requests[i]!);
        const batches: ClaimRequest[][] = [];
        for (let i = 0, b = 0; i < shuffled.length; b += 1) {
          const size = s.batchSizes[b % s.batchSizes.length]!;
          batches.push(shuffled.slice(i, i + size));
          i += size;
        }
        requestsSent += shuffled.length;
        const replies = (await Promise.all(batches.map((batch) => claimOffers(offer, batch)))).flatMap((r, b) =>
          r.replies.map((reply, i) => ({ request: batches[b]![i]!, reply })),
        );

        const claims = await db.offerClaim.findMany({ where: { offerId: offer.id } });
        const expected = Math.min(s.units, stock, s.claimants.length * s.perShopperLimit);
        const perUser = new Map<string, number>();
        for (const c of claims) perUser.set(c.userId, (perUser.get(c.userId) ?? 0) + 1);
        const won = new Map<string, string>();
        for (const { request, reply } of replies) {
          expect("error" in reply ? reply.error.code : null, "no request fails").toBeNull();
          if ("result" in reply && reply.result.outcome === "won") {
            const first = won.get(request.clientClaimId);
            if (first) expect(reply.result.claimId, "a retry answers with the claim it made").toBe(first);
            won.set(request.clientClaimId, reply.result.claimId!);
          }
        }
        expect(claims).toHaveLength(expected);
        expect(new Set(claims.map((c) => c.clientClaimId)).size).toBe(claims.length);
        expect(Math.max(0, ...perUser.values())).toBeLessThanOrEqual(s.perShopperLimit);
        expect(won.size, "every claim row was announced as won").toBe(claims.length);
        expect(await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ claimed: expected });
        expect(await db.product.findUniqueOrThrow({ where: { id: productId } })).toMatchObject({ stock: stock - expected });
        expect(await db.cartItem.count({ where: { offerClaim: { offerId: offer.id } } })).toBe(expected);
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: 240_000, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
    report(`claim property ${testProvider}`, { runs, requests: requestsSent });
  });
});
