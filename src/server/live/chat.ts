import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { serializeBlockedWords } from "@/server/live/blocked-words";
import type { MessageRow } from "@/server/live/views";
import { LIVE_LIMITS } from "@/realtime/live-stream";

export type SanctionKind = "MUTE" | "BAN";

export interface UserSanction {
  mutedUntil: Date | null;
  banned: boolean;
}

/** The sanctions in force in one show, by user. */
export async function activeSanctions(showId: string, now = new Date()): Promise<Map<string, UserSanction>> {
  const rows = await db().showSanction.findMany({
    where: { showId, OR: [{ kind: "BAN" }, { kind: "MUTE", until: { gt: now } }] },
    select: { userId: true, kind: true, until: true },
  });
  const byUser = new Map<string, UserSanction>();
  for (const row of rows) {
    const s = byUser.get(row.userId) ?? { mutedUntil: null, banned: false };
    if (row.kind === "BAN") s.banned = true;
    else if (row.until && (!s.mutedUntil || row.until > s.mutedUntil)) s.mutedUntil = row.until;
    byUser.set(row.userId, s);
  }
  return byUser;
}

/** The host and admins are never sanctioned in their own show. */
export async function sanction(showId: string, userId: string, kind: SanctionKind, until: Date | null): Promise<void> {
  const [show, user] = await Promise.all([
    db().show.findUnique({ where: { id: showId }, select: { hostId: true } }),
    db().user.findUnique({ where: { id: userId }, select: { role: true } }),
  ]);
  if (!show) throw new AppError("NOT_FOUND", "This show does not exist");
  if (!user) throw new AppError("NOT_FOUND", "This viewer does not exist", "userId");
  if (userId === show.hostId || user.role === "ADMIN") throw new AppError("VALIDATION", "userId: the host and admins cannot be sanctioned", "userId");
  await db().showSanction.create({ data: { showId, userId, kind, until } });
}

export async function liftSanctions(showId: string, userId: string): Promise<void> {
  await db().showSanction.deleteMany({ where: { showId, userId } });
}

/** Chat messages written together, in one statement, by the service's batching writer. */
export async function insertMessages(rows: MessageRow[]): Promise<void> {
  await db().showMessage.createMany({ data: rows });
}

const messageSelect = { id: true, showId: true, userId: true, userName: true, body: true, highlighted: true, createdAt: true } as const;

export async function recentMessages(showId: string): Promise<MessageRow[]> {
  const rows = await db().showMessage.findMany({
    where: { showId, deletedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIVE_LIMITS.recentMessages,
    select: messageSelect,
  });
  return rows.reverse();
}

/** A message of this show that is not deleted, or NOT_FOUND. */
export async function visibleMessage(showId: string, messageId: string): Promise<MessageRow> {
  const row = await db().showMessage.findFirst({ where: { id: messageId, showId, deletedAt: null }, select: messageSelect });
  if (!row) throw new AppError("NOT_FOUND", "This message does not exist or was deleted", "messageId");
  return row;
}

/** Soft-deletes; a pinned message is unpinned with it. Returns whether it was pinned. */
export async function deleteMessage(showId: string, messageId: string, now = new Date()): Promise<{ wasPinned: boolean }> {
  await visibleMessage(showId, messageId);
  await db().showMessage.update({ where: { id: messageId }, data: { deletedAt: now } });
  const { count } = await db().show.updateMany({ where: { id: showId, pinnedMessageId: messageId }, data: { pinnedMessageId: null } });
  return { wasPinned: count === 1 };
}

export async function setHighlighted(showId: string, messageId: string, highlighted: boolean): Promise<void> {
  await visibleMessage(showId, messageId);
  await db().showMessage.update({ where: { id: messageId }, data: { highlighted } });
}

export async function pinMessage(showId: string, messageId: string | null): Promise<MessageRow | null> {
  const message = messageId ? await visibleMessage(showId, messageId) : null;
  await db().show.update({ where: { id: showId }, data: { pinnedMessageId: messageId } });
  return message;
}

export async function updateChatSettings(showId: string, data: { chatEnabled?: boolean; slowModeSeconds?: number; blockedWords?: string[] }) {
  return db().show.update({
    where: { id: showId },
    data: {
      chatEnabled: data.chatEnabled,
      slowModeSeconds: data.slowModeSeconds,
      blockedWords: data.blockedWords ? serializeBlockedWords(data.blockedWords) : undefined,
    },
    select: { chatEnabled: true, slowModeSeconds: true, blockedWords: true },
  });
}

export async function setFeaturedProduct(showId: string, productId: string | null) {
  if (productId) {
    const listed = await db().showProduct.findUnique({ where: { showId_productId: { showId, productId } } });
    if (!listed) throw new AppError("VALIDATION", "productId: this product is not in the show", "productId");
  }
  await db().show.update({ where: { id: showId }, data: { featuredProductId: productId } });
}
