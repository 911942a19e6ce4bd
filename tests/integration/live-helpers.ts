import type { Socket } from "socket.io-client";
import type { Role } from "@/server/auth/tokens";
import type { Db } from "@/server/db/client";
import type { Ack } from "@/realtime/ack";
import type { StreamState } from "@/realtime/live-stream";
import { databaseFixture, serviceFixture } from "../support/fixtures";
import { connect, emitAck } from "../support/socket";
import { realtimeToken } from "../support/tokens";
import { createProduct } from "./commerce-helpers";

/** A fresh database for one describe block. */
export const liveDatabase = databaseFixture;

/** A fresh database and a live-stream process on it, for one describe block. */
export const liveService = (env: Record<string, string> = {}) => serviceFixture("live-stream", env);

export interface LiveUser {
  id: string;
  name: string;
  token: string;
}

let batch = 0;
/** Many users in one statement (thousands of shoppers in seconds), each with a realtime token. */
export async function createUsers(db: Db, count: number, role: Role = "SHOPPER"): Promise<LiveUser[]> {
  batch += 1;
  const tag = `live-${Date.now().toString(36)}-${batch}`;
  await db.user.createMany({
    data: Array.from({ length: count }, (_, i) => ({ name: `${tag}-${i}`, role, email: role === "GUEST" ? null : `${tag}-${i}@test.calor` })),
  });
  const users = await db.user.findMany({ where: { name: { startsWith: `${tag}-` } }, select: { id: true, name: true, role: true } });
  return Promise.all(users.map(async (u) => ({ id: u.id, name: u.name, token: await realtimeToken({ sub: u.id, role: u.role, name: u.name }) })));
}

/** A show of `hostId` selling new products (each with `stock` units), in the given status. */
export async function createShow(
  db: Db,
  hostId: string,
  { status = "LIVE", products = 2, stock = 50 }: { status?: "SCHEDULED" | "LIVE" | "ENDED"; products?: number; stock?: number } = {},
) {
  const items = [];
  for (let i = 0; i < products; i += 1) items.push(await createProduct(db, { stock, priceCents: 4000 + i * 500 }));
  const show = await db.show.create({
    data: {
      hostId,
      title: `Test show ${Date.now().toString(36)}`,
      description: "A show for tests",
      videoUrl: "/media/demo-show.mp4",
      status,
      scheduledAt: new Date(),
      startedAt: status === "SCHEDULED" ? null : new Date(),
      products: { create: items.map((p, position) => ({ productId: p.id, position })) },
    },
  });
  return { show, products: items };
}

/** Sockets for users, opened a few hundred at a time (the test process shares two cores). */
export async function connectAll(url: string, users: { token: string }[], chunk = 250): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < users.length; i += chunk) {
    sockets.push(...(await Promise.all(users.slice(i, i + chunk).map((u) => connect(url, { token: u.token })))));
  }
  return sockets;
}

export async function join(socket: Socket, showId: string): Promise<StreamState> {
  const ack = await emitAck<Ack<StreamState>>(socket, "join_stream", { showId });
  if (!ack.ok) throw new Error(`join_stream refused: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

/** The ack's data, or a thrown error naming the refusal. */
export async function ok<T = unknown>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const ack = await emitAck<Ack<T>>(socket, event, payload);
  if (!ack.ok) throw new Error(`${event} refused: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

/** The refusal's error, or a thrown error when the server accepted. */
export async function refused(socket: Socket, event: string, payload: unknown): Promise<{ code: string; message: string }> {
  const ack = await emitAck<Ack<unknown>>(socket, event, payload);
  if (ack.ok) throw new Error(`${event} was accepted: ${JSON.stringify(ack.data)}`);
  return ack.error;
}

export const closeAll = (sockets: Socket[]) => sockets.forEach((s) => s.close());
