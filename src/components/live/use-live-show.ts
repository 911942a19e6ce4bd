"use client";

import { useCallback, useEffect, useReducer, useRef } from "react";
import type { Ack } from "@/realtime/ack";
import type {
  ChatMessage,
  ChatSettings,
  ClaimResult,
  LiveClientToServer,
  LiveServerToClient,
  OfferClaimed,
  OfferEnded,
  OfferView,
  ProductCard,
  Sanction,
  ShowAnalytics,
  StreamState,
  StreamStatus,
} from "@/realtime/live-stream";
import { useServiceSocket, type ConnectionStatus } from "@/realtime/use-service-socket";

const MAX_MESSAGES = 200;
const ACK_TIMEOUT_MS = 8000;

export interface LiveShow {
  /** null until the first join_stream answer. */
  state: StreamState | null;
  messages: ChatMessage[];
  viewerCount: number;
  offer: OfferView | null;
  /** Set when the current offer ended (sold out, expired, ended by the host). */
  offerEnded: OfferEnded["reason"] | null;
  banned: boolean;
  analytics: ShowAnalytics | null;
  joinError: string | null;
}

type Action =
  | { type: "joined"; state: StreamState }
  | { type: "join_failed"; message: string }
  | { type: "count"; count: number }
  | { type: "message"; message: ChatMessage }
  | { type: "deleted"; messageId: string }
  | { type: "pinned"; message: ChatMessage | null }
  | { type: "highlighted"; messageId: string; highlighted: boolean }
  | { type: "featured"; product: ProductCard | null }
  | { type: "offer"; offer: OfferView }
  | { type: "claimed"; update: OfferClaimed }
  | { type: "offer_ended"; ended: OfferEnded }
  | { type: "status"; status: StreamStatus }
  | { type: "chat"; chat: ChatSettings }
  | { type: "sanction"; sanction: Sanction }
  | { type: "analytics"; analytics: ShowAnalytics };

const initial: LiveShow = { state: null, messages: [], viewerCount: 0, offer: null, offerEnded: null, banned: false, analytics: null, joinError: null };

function patchState(show: LiveShow, patch: (s: StreamState) => StreamState): LiveShow {
  return show.state ? { ...show, state: patch(show.state) } : show;
}

function reduce(show: LiveShow, action: Action): LiveShow {
  switch (action.type) {
    case "joined":
      return {
        ...show,
        state: action.state,
        messages: action.state.recentMessages,
        viewerCount: action.state.viewerCount,
        offer: action.state.activeOffer,
        offerEnded: null,
        banned: false,
        analytics: action.state.host?.analytics ?? show.analytics,
        joinError: null,
      };
    case "join_failed":
      return { ...show, joinError: action.message };
    case "count":
      return { ...show, viewerCount: action.count };
    case "message":
      if (show.messages.some((m) => m.id === action.message.id)) return show;
      return { ...show, messages: [...show.messages, action.message].slice(-MAX_MESSAGES) };
    case "deleted":
      return {
        ...patchState(show, (s) => (s.pinnedMessage?.id === action.messageId ? { ...s, pinnedMessage: null } : s)),
        messages: show.messages.filter((m) => m.id !== action.messageId),
      };
    case "pinned":
      return patchState(show, (s) => ({ ...s, pinnedMessage: action.message }));
    case "highlighted":
      return { ...show, messages: show.messages.map((m) => (m.id === action.messageId ? { ...m, highlighted: action.highlighted } : m)) };
    case "featured":
      return patchState(show, (s) => ({ ...s, featuredProduct: action.product }));
    case "offer":
      return { ...show, offer: action.offer, offerEnded: null };
    case "claimed":
      // Updates from several instances may cross: units left only ever go down.
      if (show.offer?.id !== action.update.offerId) return show;
      return { ...show, offer: { ...show.offer, claimed: Math.max(show.offer.claimed, action.update.claimed) } };
    case "offer_ended":
      return show.offer?.id === action.ended.offerId ? { ...show, offerEnded: action.ended.reason } : show;
    case "status":
      return patchState(show, (s) => ({
        ...s,
        show: { ...s.show, status: action.status.status, startedAt: action.status.startedAt, endedAt: action.status.endedAt },
      }));
    case "chat":
      return patchState(show, (s) => ({ ...s, chat: action.chat }));
    case "sanction":
      return { ...patchState(show, (s) => ({ ...s, you: { ...s.you, mutedUntil: action.sanction.mutedUntil } })), banned: action.sanction.banned };
    case "analytics":
      return { ...show, analytics: action.analytics };
  }
}

export type LiveSocket = ReturnType<typeof useServiceSocket<LiveServerToClient, LiveClientToServer>>["socket"];
type AckData<E extends keyof LiveClientToServer> = Parameters<Parameters<LiveClientToServer[E]>[1]>[0];

/** Emits with an ack; a timeout or a lost connection becomes an ordinary refusal. */
export async function emitLive<E extends keyof LiveClientToServer>(
  socket: LiveSocket,
  event: E,
  payload: Parameters<LiveClientToServer[E]>[0],
): Promise<AckData<E>> {
  try {
    // The contract types the ack; socket.io's overloads cannot follow a generic event name.
    const timed = socket.timeout(ACK_TIMEOUT_MS) as unknown as { emitWithAck(e: E, p: typeof payload): Promise<AckData<E>> };
    return await timed.emitWithAck(event, payload);
  } catch {
    return { ok: false, error: { code: "INTERNAL", message: "No answer from the live service. Check your connection and try again." } } as AckData<E>;
  }
}

/**
 * One show over the shared live-stream socket: joins (again after every reconnect), keeps the
 * snapshot current from the broadcast events, and leaves on unmount.
 */
export function useLiveShow(
  showId: string,
): LiveShow & { socket: LiveSocket; connection: ConnectionStatus; claim: (offerId: string) => Promise<Ack<ClaimResult>> } {
  const { socket, status } = useServiceSocket<LiveServerToClient, LiveClientToServer>("liveStream");
  const [show, dispatch] = useReducer(reduce, initial);
  // One clientClaimId per offer for the life of the page: a retry is never a second claim.
  const claimIds = useRef(new Map<string, string>());

  useEffect(() => {
    const mine =
      <P extends { showId: string }>(handler: (p: P) => void) =>
      (p: P) =>
        p.showId === showId && handler(p);
    const join = async () => {
      const ack = await emitLive(socket, "join_stream", { showId });
      dispatch(ack.ok ? { type: "joined", state: ack.data } : { type: "join_failed", message: ack.error.message });
    };
    const handlers: Partial<{ [E in keyof LiveServerToClient]: LiveServerToClient[E] }> = {
      viewer_count_update: mine((p) => dispatch({ type: "count", count: p.count })),
      new_message: mine((message) => dispatch({ type: "message", message })),
      message_deleted: mine((p) => dispatch({ type: "deleted", messageId: p.messageId })),
      message_pinned: mine((p) => dispatch({ type: "pinned", message: p.message })),
      message_highlighted: mine((p) => dispatch({ type: "highlighted", messageId: p.messageId, highlighted: p.highlighted })),
      product_featured: mine((p) => dispatch({ type: "featured", product: p.product })),
      offer_activated: mine((offer) => dispatch({ type: "offer", offer })),
      offer_claimed: mine((update) => dispatch({ type: "claimed", update })),
      offer_ended: mine((ended) => dispatch({ type: "offer_ended", ended })),
      stream_status: mine((status) => dispatch({ type: "status", status })),
      chat_settings_updated: mine((chat) => dispatch({ type: "chat", chat })),
      sanction_updated: mine((sanction) => dispatch({ type: "sanction", sanction })),
      analytics_update: mine((analytics) => dispatch({ type: "analytics", analytics })),
    };
    const entries = Object.entries(handlers) as [string, (p: never) => void][];
    // Each handler matches its event by construction above; the loop cannot say so to TypeScript.
    const events = socket as unknown as { on(e: string, h: (p: never) => void): void; off(e: string, h: (p: never) => void): void };
    for (const [event, handler] of entries) events.on(event, handler);
    socket.on("connect", join);
    if (socket.connected) void join();
    return () => {
      for (const [event, handler] of entries) events.off(event, handler);
      socket.off("connect", join);
      if (socket.connected) void emitLive(socket, "leave_stream", { showId });
    };
  }, [socket, showId]);

  const claim = useCallback(
    (offerId: string) => {
      let id = claimIds.current.get(offerId);
      if (!id) {
        id = crypto.randomUUID();
        claimIds.current.set(offerId, id);
      }
      return emitLive(socket, "claim_offer", { offerId, clientClaimId: id });
    },
    [socket],
  );

  return { ...show, socket, connection: status, claim };
}
