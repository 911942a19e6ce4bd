import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { activeOffer } from "@/server/live/offers";
import { activeSanctions, recentMessages, type UserSanction } from "@/server/live/chat";
import { blockedWordMatcher, parseBlockedWords } from "@/server/live/blocked-words";
import { productCardSelect, toChatMessage, toProductCard } from "@/server/live/views";
import type { ServiceContext } from "@/server/service/start-service";
import type { StreamState } from "@/realtime/live-stream";

/** What the hot paths (chat, claims, host checks) need about a show, kept in memory. */
export interface ShowState {
  id: string;
  hostId: string;
  hostName: string;
  title: string;
  description: string;
  videoUrl: string;
  status: "SCHEDULED" | "LIVE" | "ENDED";
  scheduledAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  chatEnabled: boolean;
  slowModeSeconds: number;
  blockedWords: string[];
  blockedWordIn: (text: string) => string | null;
  featuredProductId: string | null;
  pinnedMessageId: string | null;
  sanctions: Map<string, UserSanction>;
}

/** The part of the join snapshot that is the same for every viewer. */
export type SharedSnapshot = Omit<StreamState, "viewerCount" | "you" | "host">;

// Settings change rarely and every change invalidates; the TTL only bounds a missed message.
const STATE_TTL_MS = 10_000;
// Stock and units left move constantly; a second of staleness keeps a join storm to one read.
const SNAPSHOT_TTL_MS = 1_000;
const INVALIDATE = "live:invalidate";

async function loadState(showId: string): Promise<ShowState> {
  const show = await db().show.findUnique({ where: { id: showId }, include: { host: { select: { name: true } } } });
  if (!show) throw new AppError("NOT_FOUND", "This show does not exist");
  const blockedWords = parseBlockedWords(show.blockedWords);
  return {
    id: show.id,
    hostId: show.hostId,
    hostName: show.host.name,
    title: show.title,
    description: show.description,
    videoUrl: show.videoUrl,
    status: show.status,
    scheduledAt: show.scheduledAt,
    startedAt: show.startedAt,
    endedAt: show.endedAt,
    chatEnabled: show.chatEnabled,
    slowModeSeconds: show.slowModeSeconds,
    blockedWords,
    blockedWordIn: blockedWordMatcher(blockedWords),
    featuredProductId: show.featuredProductId,
    pinnedMessageId: show.pinnedMessageId,
    sanctions: await activeSanctions(showId),
  };
}

async function loadSnapshot(state: ShowState): Promise<SharedSnapshot> {
  const [listed, messages, offer] = await Promise.all([
    db().showProduct.findMany({ where: { showId: state.id }, orderBy: { position: "asc" }, select: { product: { select: productCardSelect } } }),
    recentMessages(state.id),
    activeOffer(state.id),
  ]);
  const products = listed.map((l) => toProductCard(l.product));
  const pinned = state.pinnedMessageId ? await db().showMessage.findFirst({ where: { id: state.pinnedMessageId, deletedAt: null } }) : null;
  return {
    show: {
      id: state.id,
      title: state.title,
      description: state.description,
      videoUrl: state.videoUrl,
      status: state.status,
      scheduledAt: state.scheduledAt.toISOString(),
      startedAt: state.startedAt?.toISOString() ?? null,
      endedAt: state.endedAt?.toISOString() ?? null,
      hostId: state.hostId,
      hostName: state.hostName,
    },
    chat: { showId: state.id, enabled: state.chatEnabled, slowModeSeconds: state.slowModeSeconds },
    products,
    featuredProduct: products.find((p) => p.id === state.featuredProductId) ?? null,
    pinnedMessage: pinned ? toChatMessage(pinned, state.hostId) : null,
    activeOffer: offer,
    recentMessages: messages.map((m) => toChatMessage(m, state.hostId)),
  };
}

interface Entry<T> {
  value: Promise<T>;
  at: number;
}

/**
 * One in-flight load per show (a thousand viewers joining at once cause one query), cached for
 * a short while, dropped on every change here and — through the Redis adapter — on every other
 * instance too.
 */
export function createShowCache(ctx: ServiceContext) {
  const states = new Map<string, Entry<ShowState>>();
  const snapshots = new Map<string, Entry<SharedSnapshot>>();

  function cached<T>(map: Map<string, Entry<T>>, key: string, ttl: number, load: () => Promise<T>): Promise<T> {
    const hit = map.get(key);
    if (hit && Date.now() - hit.at < ttl) return hit.value;
    const value = load();
    map.set(key, { value, at: Date.now() });
    value.catch(() => map.get(key)?.value === value && map.delete(key));
    return value;
  }

  const drop = (showId: string) => {
    states.delete(showId);
    snapshots.delete(showId);
  };
  if (ctx.redis) ctx.io.on(INVALIDATE, drop);

  const state = (showId: string) => cached(states, showId, STATE_TTL_MS, () => loadState(showId));
  return {
    state,
    snapshot: async (showId: string) => {
      const s = await state(showId);
      return cached(snapshots, showId, SNAPSHOT_TTL_MS, () => loadSnapshot(s));
    },
    /** After a change to the show: the next read loads it again, on every instance. */
    invalidate(showId: string) {
      drop(showId);
      if (ctx.redis) ctx.io.serverSideEmit(INVALIDATE, showId);
    },
    /** Only the snapshot (stock, units left, recent chat) is stale. */
    staleSnapshot: (showId: string) => snapshots.delete(showId),
  };
}
export type ShowCache = ReturnType<typeof createShowCache>;
