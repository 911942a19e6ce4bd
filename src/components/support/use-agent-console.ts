"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef } from "react";
import type {
  AgentStatus,
  CannedResponse,
  MessagesRead,
  MessageView,
  QueueChange,
  QueueSnapshot,
  SessionAssigned,
  SessionUnassigned,
  SessionView,
  ShopperContext,
  UserTyping,
} from "@/realtime/support-chat";
import type { ConnectionStatus } from "@/realtime/use-service-socket";
import { lastSeqOf, mergeMessages } from "./merge-messages";
import { applyQueueChange, applyQueueSnapshot, queueView, type QueueState, type QueueView } from "./queue-state";
import { errorText, newClientMessageId, request, SupportRequestError, useSupportSocket } from "./support-socket";

export interface ChatTab {
  session: SessionView;
  messages: MessageView[];
  shopperTyping: boolean;
  context: ShopperContext | null;
  /** Why the chat left this agent while the tab was open ("unassigned": found out on resync). */
  gone: SessionUnassigned["reason"] | "unassigned" | null;
  notice: string | null;
}

interface ConsoleState {
  /** What the agent chose (kept across reloads); `status` is what the service confirmed. */
  desired: AgentStatus;
  status: AgentStatus | null;
  /** null until the first snapshot (a change that comes earlier is merged, not shown). */
  queue: QueueState | null;
  hasQueue: boolean;
  tabs: string[];
  chats: Record<string, ChatTab>;
  active: string | null;
  canned: CannedResponse[];
  notice: string | null;
}

type Action =
  | { type: "desired"; status: AgentStatus }
  | { type: "status"; status: AgentStatus; queue: QueueSnapshot }
  | { type: "queue"; queue: QueueSnapshot }
  | { type: "queueChange"; change: QueueChange }
  | { type: "open"; session: SessionView; messages?: MessageView[]; focus?: boolean }
  | { type: "messages"; sessionId: string; messages: MessageView[] }
  | { type: "session"; session: SessionView }
  | { type: "typing"; sessionId: string; typing: boolean }
  | { type: "read"; read: MessagesRead }
  | { type: "context"; sessionId: string; context: ShopperContext }
  | { type: "gone"; sessionId: string; reason: NonNullable<ChatTab["gone"]> }
  | { type: "tabNotice"; sessionId: string; notice: string | null }
  | { type: "activate"; sessionId: string }
  | { type: "close"; sessionId: string }
  | { type: "canned"; canned: CannedResponse[] }
  | { type: "notice"; notice: string | null };

const STATUS_KEY = "calor.agent.status";

function patch(state: ConsoleState, sessionId: string, change: (tab: ChatTab) => ChatTab): ConsoleState {
  const tab = state.chats[sessionId];
  return tab ? { ...state, chats: { ...state.chats, [sessionId]: change(tab) } } : state;
}

function reducer(state: ConsoleState, action: Action): ConsoleState {
  switch (action.type) {
    case "desired":
      return { ...state, desired: action.status };
    case "status":
      return reducer({ ...state, status: action.status }, { type: "queue", queue: action.queue });
    case "queue":
      return { ...state, queue: applyQueueSnapshot(state.queue, action.queue), hasQueue: true };
    case "queueChange":
      return { ...state, queue: applyQueueChange(state.queue, action.change) };
    case "open": {
      const id = action.session.id;
      const existing = state.chats[id];
      const tab: ChatTab = existing
        ? { ...existing, session: action.session, messages: mergeMessages(existing.messages, action.messages ?? []), gone: null }
        : { session: action.session, messages: action.messages ?? [], shopperTyping: false, context: null, gone: null, notice: null };
      return {
        ...state,
        chats: { ...state.chats, [id]: tab },
        tabs: existing ? state.tabs : [...state.tabs, id],
        active: action.focus || !state.active ? id : state.active,
      };
    }
    case "messages":
      return patch(state, action.sessionId, (tab) => ({
        ...tab,
        messages: mergeMessages(tab.messages, action.messages),
        shopperTyping: action.messages.some((m) => m.senderRole === "SHOPPER") ? false : tab.shopperTyping,
      }));
    case "session":
      return patch(state, action.session.id, (tab) => ({ ...tab, session: action.session }));
    case "typing":
      return patch(state, action.sessionId, (tab) => ({ ...tab, shopperTyping: action.typing }));
    case "read": {
      const key = action.read.reader === "shopper" ? "shopperReadSeq" : "agentReadSeq";
      return patch(state, action.read.sessionId, (tab) => ({ ...tab, session: { ...tab.session, [key]: Math.max(tab.session[key], action.read.seq) } }));
    }
    case "context":
      return patch(state, action.sessionId, (tab) => ({ ...tab, context: action.context }));
    case "gone":
      return patch(state, action.sessionId, (tab) => ({ ...tab, gone: action.reason, shopperTyping: false }));
    case "tabNotice":
      return patch(state, action.sessionId, (tab) => ({ ...tab, notice: action.notice }));
    case "activate":
      return { ...state, active: action.sessionId };
    case "close": {
      const tabs = state.tabs.filter((t) => t !== action.sessionId);
      const chats = { ...state.chats };
      delete chats[action.sessionId];
      return { ...state, tabs, chats, active: state.active === action.sessionId ? (tabs[0] ?? null) : state.active };
    }
    case "canned":
      return { ...state, canned: action.canned };
    case "notice":
      return { ...state, notice: action.notice };
  }
}

const TYPING_SHOWN_MS = 6000;
const TYPING_RESEND_MS = 2500;

export interface AgentConsole extends Omit<ConsoleState, "queue" | "hasQueue"> {
  queue: QueueView | null;
  connection: ConnectionStatus;
  setStatus(status: AgentStatus): void;
  claim(sessionId: string): Promise<void>;
  send(sessionId: string, body: string, asNote: boolean): Promise<void>;
  typing(sessionId: string, isTyping: boolean): void;
  markRead(sessionId: string): void;
  release(sessionId: string): Promise<void>;
  transfer(sessionId: string, toAgentId: string): Promise<void>;
  end(sessionId: string): Promise<void>;
  loadContext(sessionId: string): Promise<void>;
  activate(sessionId: string): void;
  close(sessionId: string): void;
}

/**
 * The agent's live state: presence, queue, and one tab per open chat. Every (re)connect
 * re-announces the presence, takes a fresh queue snapshot and rejoins each open chat from the
 * last seq it holds, so nothing that happened while disconnected is missed.
 */
export function useAgentConsole(): AgentConsole {
  const { socket, status: connection } = useSupportSocket();
  const [state, dispatch] = useReducer(reducer, undefined, (): ConsoleState => ({
    desired: "online",
    status: null,
    queue: null,
    hasQueue: false,
    tabs: [],
    chats: {},
    active: null,
    canned: [],
    notice: null,
  }));
  const current = useRef(state);
  useLayoutEffect(() => {
    current.current = state;
  });
  const typingSent = useRef(new Map<string, { at: number; value: boolean }>());

  useEffect(() => {
    const saved = localStorage.getItem(STATUS_KEY);
    if (saved === "online" || saved === "away" || saved === "offline") dispatch({ type: "desired", status: saved });
  }, []);

  const rejoin = useCallback(
    async (sessionId: string, focus = false) => {
      const tab = current.current.chats[sessionId];
      try {
        const result = await request(socket, "rejoin_session", { sessionId, lastSeq: tab ? lastSeqOf(tab.messages) : 0 });
        dispatch({ type: "open", session: result.session, messages: result.messages, focus });
      } catch (error) {
        // Transferred or released while this console was away: the tab says so.
        if (error instanceof SupportRequestError && error.code === "NOT_FOUND") dispatch({ type: "gone", sessionId, reason: "unassigned" });
        else dispatch({ type: "tabNotice", sessionId, notice: errorText(error) });
      }
    },
    [socket],
  );

  useEffect(() => {
    if (connection !== "connected") return;
    let cancelled = false;
    void (async () => {
      try {
        const desired = current.current.desired;
        const result = await request(socket, "set_agent_status", { status: desired });
        if (cancelled) return;
        dispatch({ type: "status", status: result.status, queue: result.queue });
        const mine = await request(socket, "list_my_sessions", {});
        const ids = new Set([...current.current.tabs, ...mine.map((s) => s.id)]);
        await Promise.all([...ids].map((id) => rejoin(id)));
        if (!current.current.canned.length) dispatch({ type: "canned", canned: await request(socket, "list_canned_responses", {}) });
        dispatch({ type: "notice", notice: null });
      } catch (error) {
        if (!cancelled) dispatch({ type: "notice", notice: errorText(error) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [connection, socket, rejoin]);

  useEffect(() => {
    const timers = new Map<string, ReturnType<typeof setTimeout>>();
    const onQueue = (change: QueueChange) => dispatch({ type: "queueChange", change });
    const onMessage = (m: MessageView) => dispatch({ type: "messages", sessionId: m.sessionId, messages: [m] });
    const onSession = ({ session }: { session: SessionView }) => dispatch({ type: "session", session });
    const onRead = (read: MessagesRead) => dispatch({ type: "read", read });
    const onAssigned = ({ session, reason, from }: SessionAssigned) => {
      dispatch({ type: "open", session });
      if (reason === "transferred" && from) dispatch({ type: "tabNotice", sessionId: session.id, notice: `${from.name} transferred this chat to you.` });
      void rejoin(session.id);
    };
    const onUnassigned = ({ sessionId, reason }: SessionUnassigned) => dispatch({ type: "gone", sessionId, reason });
    const onTyping = (t: UserTyping) => {
      if (t.from !== "shopper") return;
      clearTimeout(timers.get(t.sessionId));
      dispatch({ type: "typing", sessionId: t.sessionId, typing: t.isTyping });
      if (t.isTyping)
        timers.set(
          t.sessionId,
          setTimeout(() => dispatch({ type: "typing", sessionId: t.sessionId, typing: false }), TYPING_SHOWN_MS),
        );
    };
    socket.on("queue_changed", onQueue);
    socket.on("message", onMessage);
    socket.on("session_updated", onSession);
    socket.on("session_ended", onSession);
    socket.on("messages_read", onRead);
    socket.on("session_assigned", onAssigned);
    socket.on("session_unassigned", onUnassigned);
    socket.on("user_typing", onTyping);
    return () => {
      timers.forEach(clearTimeout);
      socket.off("queue_changed", onQueue);
      socket.off("message", onMessage);
      socket.off("session_updated", onSession);
      socket.off("session_ended", onSession);
      socket.off("messages_read", onRead);
      socket.off("session_assigned", onAssigned);
      socket.off("session_unassigned", onUnassigned);
      socket.off("user_typing", onTyping);
    };
  }, [socket, rejoin]);

  /** Runs a tab action; a refusal shows in that tab. */
  const inTab = useCallback(async (sessionId: string, run: () => Promise<SessionView | void>) => {
    dispatch({ type: "tabNotice", sessionId, notice: null });
    try {
      const session = await run();
      if (session) dispatch({ type: "session", session });
    } catch (error) {
      dispatch({ type: "tabNotice", sessionId, notice: errorText(error) });
    }
  }, []);

  const setStatus = useCallback(
    (status: AgentStatus) => {
      localStorage.setItem(STATUS_KEY, status);
      dispatch({ type: "desired", status });
      request(socket, "set_agent_status", { status }).then(
        (result) => dispatch({ type: "status", status: result.status, queue: result.queue }),
        (error) => dispatch({ type: "notice", notice: errorText(error) }),
      );
    },
    [socket],
  );

  const claim = useCallback(
    async (sessionId: string) => {
      dispatch({ type: "notice", notice: null });
      try {
        const session = await request(socket, "claim_session", { sessionId });
        dispatch({ type: "open", session, focus: true });
        await rejoin(sessionId, true);
      } catch (error) {
        dispatch({ type: "notice", notice: errorText(error) });
      }
    },
    [socket, rejoin],
  );

  const send = useCallback(
    (sessionId: string, body: string, asNote: boolean) =>
      inTab(sessionId, async () => {
        const payload = { sessionId, clientMessageId: newClientMessageId(), body };
        const message = await request(socket, asNote ? "add_note" : "send_message", payload);
        dispatch({ type: "messages", sessionId, messages: [message] });
      }),
    [socket, inTab],
  );

  const typing = useCallback(
    (sessionId: string, isTyping: boolean) => {
      const last = typingSent.current.get(sessionId) ?? { at: 0, value: false };
      const now = Date.now();
      if (!socket.connected || (isTyping === last.value && (!isTyping || now - last.at < TYPING_RESEND_MS))) return;
      typingSent.current.set(sessionId, { at: now, value: isTyping });
      socket.emit("typing", { sessionId, isTyping });
    },
    [socket],
  );

  const markRead = useCallback(
    (sessionId: string) => {
      const tab = current.current.chats[sessionId];
      const seq = tab ? lastSeqOf(tab.messages) : 0;
      if (!tab || tab.gone || !socket.connected || seq <= tab.session.agentReadSeq) return;
      dispatch({ type: "read", read: { sessionId, reader: "agent", seq } });
      request(socket, "mark_read", { sessionId, seq }).catch(() => undefined);
    },
    [socket],
  );

  const release = useCallback((sessionId: string) => inTab(sessionId, () => request(socket, "release_session", { sessionId })), [socket, inTab]);
  const transfer = useCallback(
    (sessionId: string, toAgentId: string) => inTab(sessionId, () => request(socket, "transfer_session", { sessionId, toAgentId })),
    [socket, inTab],
  );
  const end = useCallback((sessionId: string) => inTab(sessionId, () => request(socket, "end_session", { sessionId })), [socket, inTab]);
  const loadContext = useCallback(
    (sessionId: string) =>
      inTab(sessionId, async () => {
        dispatch({ type: "context", sessionId, context: await request(socket, "get_shopper_context", { sessionId }) });
      }),
    [socket, inTab],
  );

  const { queue, hasQueue, ...rest } = state;
  const view = useMemo(() => (queue && hasQueue ? queueView(queue) : null), [queue, hasQueue]);
  return {
    ...rest,
    queue: view,
    connection,
    setStatus,
    claim,
    send,
    typing,
    markRead,
    release,
    transfer,
    end,
    loadContext,
    activate: (sessionId) => dispatch({ type: "activate", sessionId }),
    close: (sessionId) => dispatch({ type: "close", sessionId }),
  };
}
