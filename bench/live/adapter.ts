/**
 * Everything the live benchmarks assume about the live-stream contract, in one place, so a
 * change in src/realtime/live-stream.ts is one edit here. The baseline servers
 * (bench/baseline/fanout-handlers.mjs) accept and emit the same shapes.
 *
 * UNVERIFIED until src/realtime/live-stream.ts exists: the payload fields (showId, body) and
 * the database rows join_stream / send_message need (a LIVE show, existing users).
 */
import type { Db } from "@/server/db/client";
import { realtimeToken } from "../../tests/support/tokens";
import { createUsers } from "../lib/seed";

export const LIVE_EVENTS = {
  join: "join_stream",
  send: "send_message",
  message: "new_message",
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

/** For our service: a host, a LIVE show and one user row per viewer and sender. */
export async function seedShow(db: Db, viewers: number, senders: number): Promise<PreparedShow> {
  const [host] = await createUsers(db, 1, "bench-host", "HOST");
  const show = await db.show.create({
    data: {
      hostId: host!.id,
      title: "Benchmark show",
      description: "Load test",
      videoUrl: "/demo/show.mp4",
      status: "LIVE",
      scheduledAt: new Date(),
      startedAt: new Date(),
    },
  });
  const users = await createUsers(db, viewers + senders, "bench-viewer");
  return {
    showId: show.id,
    viewerTokens: users.slice(0, viewers).map((u) => u.token),
    senderTokens: users.slice(viewers).map((u) => u.token),
  };
}
