import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, expect } from "vitest";
import type { Ack } from "@/realtime/ack";
import type { MessageView, SupportAck, SupportAckData, SupportClientToServer, SupportPayload } from "@/realtime/support-chat";
import type { Role } from "@/server/auth/tokens";
import { createDb, type Db } from "@/server/db/client";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startService, type ServiceProcess } from "../support/service-process";
import { connect, emitAck } from "../support/socket";
import { createUser } from "../support/tokens";

type Event = keyof SupportClientToServer;

/** Sends a support event and returns its ack as it came. */
export function ask<E extends Event>(socket: Socket, event: E, payload: SupportPayload<E>): Promise<SupportAck<E>> {
  return emitAck<SupportAck<E>>(socket, event, payload);
}

/** Sends a support event that must succeed and returns its data. */
export async function must<E extends Event>(socket: Socket, event: E, payload: SupportPayload<E>): Promise<SupportAckData<E>> {
  const ack = await ask(socket, event, payload);
  if (!ack.ok) throw new Error(`${event} failed: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

/** Asserts a refusal with this code and returns its message. */
export async function refused<E extends Event>(socket: Socket, event: E, payload: unknown, code: string): Promise<string> {
  const ack = await emitAck<Ack<unknown>>(socket, event, payload);
  expect(ack.ok, `${event} should be refused with ${code}`).toBe(false);
  if (ack.ok) return "";
  expect(ack.error.code).toBe(code);
  expect(ack.error.message.length).toBeGreaterThan(3);
  return ack.error.message;
}

export const clientId = () => randomUUID();

/** A user of that role with a connected socket. */
export async function participant(db: Db, url: string, role: Role, name?: string) {
  const { user, identity, token } = await createUser(db, role, name);
  const socket = await connect(url, { token });
  return { user, identity, token, socket };
}

/** Seqs in order and each exactly once. */
export function expectInOrderOnce(messages: MessageView[]) {
  const seqs = messages.map((m) => m.seq);
  expect(new Set(seqs).size).toBe(seqs.length);
  expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
}

/**
 * A file's world: one throwaway database, the support-chat processes started on it, and every
 * socket opened through it; all of it is gone after the file's tests.
 */
export function supportHarness() {
  let database: TestDatabase | undefined;
  const services: ServiceProcess[] = [];
  const sockets: Socket[] = [];
  const h = {
    db: undefined as unknown as Db,
    async start(env?: Record<string, string>): Promise<ServiceProcess> {
      const service = await startService("support-chat", { databaseUrl: database!.url, env });
      services.push(service);
      return service;
    },
    async restart(service: ServiceProcess): Promise<ServiceProcess> {
      const again = await service.restart();
      services.push(again);
      return again;
    },
    /** A socket for an existing user's token. */
    async open(url: string, token: string): Promise<Socket> {
      const socket = await connect(url, { token });
      sockets.push(socket);
      return socket;
    },
    /** A new user of that role, connected. */
    async join(url: string, role: Role, name?: string) {
      const p = await participant(h.db, url, role, name);
      sockets.push(p.socket);
      return p;
    },
  };
  beforeAll(async () => {
    database = await createTestDatabase();
    h.db = createDb(database.url);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await Promise.all(services.map((s) => s.kill("SIGKILL")));
    await h.db?.$disconnect();
    await database?.drop();
  });
  return h;
}
