/**
 * Everything the live benchmarks assume about the live-stream contract, in one place, so a
 * change in src/realtime/live-stream.ts is one edit here. The baseline servers
 * (bench/baseline/fanout-handlers.mjs) accept and emit the same shapes.
 *
 * Shapes follow src/realtime/live-stream.ts (join_stream / send_message / activate_offer /
 * claim_offer payloads, ChatMessage, ClaimResult); the seeded rows follow src/server/live/*
 * (a LIVE show, the product listed in it, stock for the offer, real user rows).
 */
import type { Db } from "@/server/db/client";
import { realtimeToken } from "../../tests/support/tokens";
import { createUsers, type BenchUser } from "../lib/seed";

export const LIVE_EVENTS = {
  join: "join_stream",
  send: "send_message",
  message: "new_message",
  activateOffer: "activate_offer",
  claimOffer: "claim_offer",
} as const;

export const joinPayload = (showId: string) => ({ showId });
export const sendPayload = (showId: string, body: string) => ({ showId, body });

export interface AckBody {
  ok: boolean;
  error?: { code: string; message: string };
}

/** "OK" or the error code of an ack in the platform's `{ ok, data | error }` shape. */
export const ackOutcome = (ack: unknown): string => {
  const body = ack as AckBody | undefined;
  return body?.ok ? "OK" : (body?.error?.code ?? "MALFORMED_ACK");
};

export const offerPayload = (showId: string, productId: string, quantity: number, priceCents: number, durationSeconds: number) => ({
  showId,
  productId,
  priceCents,
  quantity,
  durationSeconds,
  perShopperLimit: 1,
});
export const claimPayload = (offerId: string, clientClaimId: string) => ({ offerId, clientClaimId });
/** The claim ack's `data.outcome`: won | sold_out | already_claimed | expired. */
export const claimOutcome = (ack: unknown): string => {
  const body = ack as { ok?: boolean; data?: { outcome?: string } } | undefined;
  return body?.ok ? (body.data?.outcome ?? "MALFORMED_ACK") : ackOutcome(ack);
};

export interface PreparedShow {
  showId: string;
  viewerTokens: string[];
  senderTokens: string[];
}

/** For the baselines: no database, tokens for made-up identities (the baselines ignore them). */
export async function fakeShow(viewers: number, senders: number): Promise<PreparedShow> {
  const token = (i: number) => realtimeToken({ sub: `bench-user-${i}`, role: "SHOPPER", name: `viewer ${i}` });
  return {
    showId: "bench-show",
    viewerTokens: await Promise.all(Array.from({ length: viewers }, (_, i) => token(i))),
    senderTokens: await Promise.all(Array.from({ length: senders }, (_, i) => token(viewers + i))),
  };
}

export interface SeededShow {
  showId: string;
  host: BenchUser;
  shoppers: BenchUser[];
  /** A product listed in the show, with `productStock` units. */
  productId: string;
  productPriceCents: number;
}

/** For our service: a host, a LIVE show selling one product, and `shoppers` user rows. */
export async function seedLiveShow(db: Db, shoppers: number, productStock = 1000): Promise<SeededShow> {
  const [host] = await createUsers(db, 1, "bench-host", "HOST");
  const stamp = Date.now().toString(36);
  const category = await db.category.create({ data: { slug: `bench-${stamp}`, name: "Benchmark" } });
  const product = await db.product.create({
    data: {
      sku: `BENCH-${stamp}`,
      slug: `bench-jacket-${stamp}`,
      name: "Benchmark jacket",
      description: "A product for load tests",
      priceCents: 9900,
      stock: productStock,
      imageUrl: "/products/placeholder.svg",
      categoryId: category.id,
    },
  });
  const show = await db.show.create({
    data: {
      hostId: host!.id,
      title: "Benchmark show",
      description: "Load test",
      videoUrl: "/demo/show.mp4",
      status: "LIVE",
      scheduledAt: new Date(),
      startedAt: new Date(),
      products: { create: [{ productId: product.id, position: 0 }] },
    },
  });
  return {
    showId: show.id,
    host: host!,
    shoppers: await createUsers(db, shoppers, "bench-shopper"),
    productId: product.id,
    productPriceCents: product.priceCents,
  };
}
