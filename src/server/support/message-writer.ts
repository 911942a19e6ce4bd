import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { SUPPORT_LIMITS, type MessageView, type SessionStatus } from "@/realtime/support-chat";
import { db, type Tx } from "@/server/db/client";
import { insertRows } from "@/server/db/insert-rows";
import { AppError } from "@/server/errors";
import { logger, type Logger } from "@/server/log";
import { loadSession, notFound } from "@/server/support/access";
import { postMessage, storedMessage, withWriteRetry } from "@/server/support/messages";
import { notifyFirstOfflineReply } from "@/server/support/offline-reply";
import { messageSelect, toMessageView, type MessageRow } from "@/server/support/views";

/** What the writer reads of a session: access, state, and the shopper's name for the message views. */
export interface WriterSession {
  id: string;
  status: SessionStatus;
  shopperId: string;
  agentId: string | null;
  offline: boolean;
  guestName: string | null;
}

/** A message or note a person sends; `senderRole` decides from the session whether they may, and as whom. */
export interface MessageRequest {
  sessionId: string;
  clientMessageId: string;
  kind: "MESSAGE" | "NOTE";
  senderId: string;
  body: string;
  /** Throws (NOT_FOUND, FORBIDDEN…) when the sender may not write here. */
  senderRole(session: WriterSession): "SHOPPER" | "AGENT";
}

export interface Persisted {
  message: MessageView;
  /** false: this clientMessageId was already stored; the stored message came back and nothing was written. */
  created: boolean;
  /** The session as read before the write (status, agent, offline flag). */
  session: WriterSession;
  /** An outbox notification was committed with it (tell the notifications service). */
  notified: boolean;
}

interface Pending {
  request: MessageRequest;
  resolve(result: Persisted): void;
  reject(error: unknown): void;
  outcome: { ok: true; result: Persisted } | { ok: false; error: unknown } | null;
}

/** Enough to amortize a transaction; small enough that one batch stays a few ms of work. */
const MAX_BATCH = 200;

const pending: Pending[] = [];
let writerLog: Logger | null = null;
const log = () => (writerLog ??= logger("support-writer"));
let draining = false;

/**
 * Persists a message with group commit: messages that arrive while a batch is being written
 * wait for the next one and go to the database together — one read of their sessions, one of
 * their client ids, and one transaction (one UPDATE … RETURNING for every session's seqs, one
 * multi-row INSERT). A lone message is written at once. Each message is acknowledged (its
 * promise resolved) only after its transaction committed. Within a session, messages take
 * their seqs in the order they arrived, with no gaps: a refused message takes none. If a batch
 * fails as a whole (a retry racing its original on another instance, a lock), each of its
 * messages is written on its own, as before group commit.
 */
export function persistMessage(request: MessageRequest): Promise<Persisted> {
  return new Promise((resolve, reject) => {
    pending.push({ request, resolve, reject, outcome: null });
    if (draining) return;
    draining = true;
    setImmediate(() => void drain());
  });
}

/**
 * SQLite's driver (libsql) runs statements synchronously, so a whole batch runs without the
 * event loop reading a single socket: the sends that arrive meanwhile are read only after it.
 * Each batch therefore starts from a fresh turn of the loop (setImmediate), after every send
 * that has arrived was read and queued — otherwise every batch would hold exactly one message.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function drain(): Promise<void> {
  try {
    for (; pending.length; await nextTurn()) {
      const batch = pending.splice(0, MAX_BATCH);
      try {
        await writeBatch(batch);
      } catch (error) {
        log().warn("group commit failed; writing its messages one by one", { messages: batch.length, error: String(error) });
        for (const item of batch) if (!item.outcome) await settle(item, () => writeOne(item.request));
      }
    }
  } finally {
    draining = false;
  }
}

async function settle(item: Pending, run: () => Promise<Persisted>): Promise<void> {
  try {
    succeed(item, await run());
  } catch (error) {
    fail(item, error);
  }
}

function succeed(item: Pending, result: Persisted): void {
  item.outcome = { ok: true, result };
  item.resolve(result);
}

function fail(item: Pending, error: unknown): void {
  item.outcome = { ok: false, error };
  item.reject(error);
}

const ended = () => new AppError("UNPROCESSABLE", "This conversation has ended; start a new one");
const tooLong = () => new AppError("UNPROCESSABLE", "This conversation is too long to continue; please start a new one");
const key = (sessionId: string, clientMessageId: string) => `${sessionId} ${clientMessageId}`;

/** The message this request already stored, if the sender may see it (NOT_FOUND when not). */
export async function findStored(request: MessageRequest): Promise<Persisted | null> {
  const session = await loadSession(request.sessionId);
  request.senderRole(session);
  const stored = await storedMessage(session.id, request.clientMessageId);
  return stored && { message: stored, created: false, session, notified: false };
}

/** One message the slow way: its own reads and transaction (the path every message took before group commit). */
async function writeOne(request: MessageRequest): Promise<Persisted> {
  const stored = await findStored(request);
  if (stored) return stored;
  const session = await loadSession(request.sessionId);
  const senderRole = request.senderRole(session);
  let notified = false;
  const offlineReply = request.kind === "MESSAGE" && senderRole === "AGENT";
  const { message, created } = await postMessage(
    { sessionId: session.id, kind: request.kind, senderId: request.senderId, senderRole, body: request.body, clientMessageId: request.clientMessageId },
    offlineReply ? async (tx, row) => void (notified = await notifyFirstOfflineReply(tx, session, row)) : undefined,
  );
  return { message, created, session, notified };
}

async function writeBatch(batch: Pending[]): Promise<void> {
  // The same send twice in one batch (a retry racing its original): the later copy gets the first's answer.
  const first = new Map<string, Pending>();
  const copies: [Pending, Pending][] = [];
  for (const item of batch) {
    const k = key(item.request.sessionId, item.request.clientMessageId);
    const original = first.get(k);
    if (original) copies.push([item, original]);
    else first.set(k, item);
  }
  const items = [...first.values()];

  const sessionIds = [...new Set(items.map((i) => i.request.sessionId))];
  const { sessions, stored, senders } = await readBatch(
    sessionIds,
    items.map((i) => i.request.clientMessageId),
    [...new Set(items.map((i) => i.request.senderId))],
  );
  const senderNames = new Map(senders.map((u) => [u.id, u.name]));
  const sessionById = new Map(sessions.map((s) => [s.id, s]));
  const storedByKey = new Map(stored.map((m) => [key(m.sessionId, m.clientMessageId!), m]));

  // Who may write, what is already stored, what is new: decided per message before any write.
  const fresh: Fresh = new Map();
  for (const item of items) {
    const { request } = item;
    const session = sessionById.get(request.sessionId);
    try {
      if (!session) throw notFound();
      const senderRole = request.senderRole(session);
      const row = storedByKey.get(key(request.sessionId, request.clientMessageId));
      if (row) succeed(item, { message: toMessageView(row), created: false, session, notified: false });
      else if (session.status === "ENDED") throw ended();
      else {
        const sends = fresh.get(session.id) ?? [];
        if (!sends.length) fresh.set(session.id, sends);
        sends.push({ item, senderRole });
      }
    } catch (error) {
      fail(item, error);
    }
  }

  if (fresh.size) {
    const written = await withWriteRetry(() => db().$transaction((tx) => insertBatch(tx, fresh, sessionById, senderNames)));
    for (const { item, result } of written) {
      if (result instanceof Error) fail(item, result);
      else succeed(item, result);
    }
  }
  for (const [copy, original] of copies) {
    const outcome = original.outcome!;
    if (outcome.ok) succeed(copy, { ...outcome.result, created: false });
    else fail(copy, outcome.error);
  }
}

/**
 * The batch's three reads, as raw SQL: Prisma 6 compiles every model query on the JavaScript
 * thread without a plan cache (~0.5–1 ms each), which was most of a small batch's cost.
 */
async function readBatch(sessionIds: string[], clientMessageIds: string[], senderIds: string[]) {
  const [sessions, storedIds, senders] = await Promise.all([
    db().$queryRaw<(Omit<WriterSession, "offline"> & { offline: boolean | number | bigint })[]>`
      SELECT "id", "status", "shopperId", "agentId", "offline", "guestName" FROM "SupportSession" WHERE "id" IN (${Prisma.join(sessionIds)})`,
    db().$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "SupportMessage" WHERE "sessionId" IN (${Prisma.join(sessionIds)}) AND "clientMessageId" IN (${Prisma.join(clientMessageIds)})`,
    db().$queryRaw<{ id: string; name: string }[]>`SELECT "id", "name" FROM "User" WHERE "id" IN (${Prisma.join(senderIds)})`,
  ]);
  // Retries' originals are rare: read with the view's relations only when there are some.
  const stored = storedIds.length ? await db().supportMessage.findMany({ where: { id: { in: storedIds.map((m) => m.id) } }, select: messageSelect }) : [];
  // SQLite has no boolean: it answers 0 or 1.
  return { sessions: sessions.map((s): WriterSession => ({ ...s, offline: Boolean(s.offline) })), stored, senders };
}

type Fresh = Map<string, { item: Pending; senderRole: "SHOPPER" | "AGENT" }[]>;

/** The batch's transaction: every session's seqs taken in one statement, every message in one insert. */
async function insertBatch(
  tx: Tx,
  fresh: Fresh,
  sessionById: Map<string, WriterSession>,
  senderNames: Map<string, string>,
): Promise<{ item: Pending; result: Persisted | Error }[]> {
  const ids = [...fresh.keys()];
  // Row locks on PostgreSQL until commit, as the one-message path's increment; SQLite has one writer anyway.
  const cases = Prisma.join(
    ids.map((id) => Prisma.sql`WHEN ${id} THEN CAST(${fresh.get(id)!.length} AS INTEGER)`),
    " ",
  );
  const taken = await tx.$queryRaw<{ id: string; lastSeq: number | bigint }[]>`
    UPDATE "SupportSession" SET "lastSeq" = "lastSeq" + CASE "id" ${cases} END
    WHERE "id" IN (${Prisma.join(ids)}) AND "status" <> 'ENDED'
    RETURNING "id", "lastSeq"`;
  const lastSeq = new Map(taken.map((r) => [r.id, Number(r.lastSeq)]));

  const results: { item: Pending; result: Persisted | Error }[] = [];
  const rows: (Omit<MessageRow, "sender" | "session"> & { senderId: string })[] = [];
  const owners: { item: Pending; senderRole: "SHOPPER" | "AGENT" }[] = [];
  const createdAt = new Date();
  for (const [sessionId, sends] of fresh) {
    const last = lastSeq.get(sessionId);
    // Ended between the read and this write.
    if (last === undefined) {
      for (const { item } of sends) results.push({ item, result: ended() });
      continue;
    }
    const before = last - sends.length;
    const room = Math.max(0, Math.min(sends.length, SUPPORT_LIMITS.messagesPerSession - before));
    // Past the conversation's cap: give back the seqs the refused ones took.
    if (room < sends.length) await tx.supportSession.update({ where: { id: sessionId }, data: { lastSeq: before + room } });
    sends.forEach((send, i) => {
      if (i >= room) return void results.push({ item: send.item, result: tooLong() });
      const { request } = send.item;
      rows.push({
        // Made here (as claim-offer does) so the insert returns nothing and the view needs no read back.
        id: randomUUID(),
        sessionId,
        seq: before + i + 1,
        kind: request.kind,
        senderId: request.senderId,
        senderRole: send.senderRole,
        body: request.body,
        clientMessageId: request.clientMessageId,
        createdAt,
      });
      owners.push(send);
    });
  }
  if (!rows.length) return results;

  await insertRows(
    tx,
    "SupportMessage",
    ["id", "sessionId", "seq", "senderId", "senderRole", "kind", "body", "clientMessageId", "createdAt"],
    rows.map((r) => [r.id, r.sessionId, r.seq, r.senderId, r.senderRole, r.kind, r.body, r.clientMessageId, r.createdAt]),
  );
  // In seq order, so the first agent answer of an offline conversation is the one that notifies.
  for (let i = 0; i < rows.length; i++) {
    const { item, senderRole } = owners[i]!;
    const made = rows[i]!;
    const session = sessionById.get(made.sessionId)!;
    const name = senderNames.get(made.senderId);
    const row = { ...made, sender: name === undefined ? null : { name }, session: { guestName: session.guestName } };
    const notified = item.request.kind === "MESSAGE" && senderRole === "AGENT" && (await notifyFirstOfflineReply(tx, session, row));
    results.push({ item, result: { message: toMessageView(row), created: true, session, notified } });
  }
  return results;
}
