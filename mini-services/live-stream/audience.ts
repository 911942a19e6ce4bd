import type { ServiceContext } from "@/server/service/start-service";
import type { AnySocket } from "@/server/service/define-handler";
import { LIVE_LIMITS, showRoom } from "@/realtime/live-stream";
import type { LocalPeople, ViewerStore } from "./viewer-store";
import { broadcast } from "./broadcast";

/** Who counts as one viewer: the identity, or the socket for an anonymous one. */
export const viewerKey = (socket: AnySocket) => (socket.data.user ? `u:${socket.data.user.sub}` : `s:${socket.id}`);

/**
 * The sockets of this instance in each show, the people they stand for, and the throttled
 * viewer_count_update: at most one broadcast per show per second, only when the count moved.
 */
export function createAudience(ctx: ServiceContext, makeStore: (people: LocalPeople) => ViewerStore) {
  /** show → socket id → viewer key (null: in the room but not counted, e.g. the host). */
  const members = new Map<string, Map<string, string | null>>();
  /** show → viewer key → local sockets; its size is this instance's people (watch time). */
  const people = new Map<string, Map<string, number>>();
  const store = makeStore(people);
  const lastCount = new Map<string, number>();
  const lastSent = new Map<string, number>();
  const dirty = new Set<string>();

  const bump = (showId: string, key: string, delta: number) => {
    const map = people.get(showId) ?? new Map<string, number>();
    const n = (map.get(key) ?? 0) + delta;
    if (n > 0) map.set(key, n);
    else map.delete(key);
    if (map.size) people.set(showId, map);
    else people.delete(showId);
  };

  async function broadcastCounts() {
    if (dirty.size === 0) return;
    const shows = [...dirty];
    dirty.clear();
    const counts = await store.counts(shows).catch(() => null);
    if (!counts) return shows.forEach((s) => dirty.add(s));
    shows.forEach((showId, i) => {
      const count = counts[i] ?? 0;
      lastCount.set(showId, count);
      if (lastSent.get(showId) === count) return;
      lastSent.set(showId, count);
      broadcast(ctx, showRoom(showId), "viewer_count_update", { showId, count });
    });
  }
  const timer = setInterval(() => void broadcastCounts(), LIVE_LIMITS.viewerCountEveryMs);
  timer.unref?.();
  store.start((shows) => shows.forEach((s) => dirty.add(s)));

  async function leave(socket: AnySocket, showId: string): Promise<void> {
    const inShow = members.get(showId);
    if (!inShow?.has(socket.id)) return;
    const key = inShow.get(socket.id) ?? null;
    inShow.delete(socket.id);
    if (inShow.size === 0) members.delete(showId);
    socket.leave(showRoom(showId));
    if (!key) return;
    bump(showId, key, -1);
    lastCount.set(showId, await store.remove(showId, key));
    dirty.add(showId);
  }

  return {
    /**
     * Joins the room; counts the person unless `counted` is false. No-op when already in.
     * `key` is the viewer key it is counted under (share it rather than build the string again).
     */
    async join(socket: AnySocket, showId: string, counted: boolean): Promise<{ arrived: boolean; key: string }> {
      const inShow = members.get(showId) ?? new Map<string, string | null>();
      const known = inShow.get(socket.id);
      if (known !== undefined) return { arrived: false, key: known ?? viewerKey(socket) };
      const key = viewerKey(socket);
      inShow.set(socket.id, counted ? key : null);
      members.set(showId, inShow);
      socket.join(showRoom(showId));
      if (!counted) return { arrived: false, key };
      bump(showId, key, 1);
      const { count, arrived } = await store.add(showId, key);
      lastCount.set(showId, count);
      dirty.add(showId);
      return { arrived, key };
    },
    leave,
    /** A socket that went away: it leaves every show. (Shows on one instance are few: no index per socket.) */
    async leaveAll(socket: AnySocket): Promise<void> {
      const shows = [...members].filter(([, inShow]) => inShow.has(socket.id)).map(([showId]) => showId);
      await Promise.all(shows.map((showId) => leave(socket, showId)));
    },
    isIn: (socketId: string, showId: string) => members.get(showId)?.has(socketId) ?? false,
    /** Local sockets of one identity in a show (to remove a banned viewer). */
    socketsOf: (showId: string, userId: string) => [...(members.get(showId) ?? [])].filter(([, key]) => key === `u:${userId}`).map(([socketId]) => socketId),
    /** The last known number of people in the show, across instances. */
    count: (showId: string) => lastCount.get(showId) ?? 0,
    /** Shows with at least one socket on this instance (viewer or host). */
    localShows: () => [...members.keys()],
    /** People watching on this instance, by show. */
    localPeople: () => new Map([...people].map(([showId, keys]) => [showId, keys.size])),
    async stop() {
      clearInterval(timer);
      await store.stop();
    },
  };
}
export type Audience = ReturnType<typeof createAudience>;
