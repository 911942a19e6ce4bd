"use client";

import { useCallback, useEffect, useLayoutEffect, useReducer, useRef } from "react";
import type { MessageView, QueuePosition, SessionView, StartSessionPayload } from "@/realtime/support-chat";
import type { ConnectionStatus } from "@/realtime/use-service-socket";
import { lastSeqOf, mergeMessages } from "./merge-messages";
import { errorText, newClientMessageId, request, SupportRequestError, useSupportSocket } from "./support-socket";
import { supportStorage, type PendingMessage } from "./support-storage";

interface ChatState {
  /** localStorage has been read (after mount: the server renders nothing of it). */
  loaded: boolean;
  /** A stored conversation is being reopened and nothing of it is cached yet. */
  resuming: boolean;
  session: SessionView | null;
  messages: MessageView[];
  queue: QueuePosition | null;
  agentTyping: string | null;
  outbox: PendingMessage[];
  notice: string | null;
}

type Action =
  | { type: "loaded"; outbox: PendingMessage[]; resuming: boolean; session: SessionView | null; messages: MessageView[] }
  | { type: "opened"; session: SessionView; messages: MessageView[]; queue: QueuePosition | null }
  | { type: "messages"; messages: MessageView[] }
  | { type: "session"; session: SessionView }
  | { type: "queue"; queue: QueuePosition }
  | { type: "typing"; name: string | null }
  | { type: "read"; sessionId: string; reader: "shopper" | "agent"; seq: number }
  | { type: "outbox"; outbox: PendingMessage[] }
  | { type: "notice"; notice: string | null }
  | { type: "resumed" }
  | { type: "reset" };

const initial: ChatState = { loaded: false, resuming: false, session: null, messages: [], queue: null, agentTyping: null, outbox: [], notice: null };

function reducer(state: ChatState, action: Action): ChatState {
  switch (action.type) {
    case "loaded":
      return {
        ...state,
        loaded: true,
        resuming: action.resuming && !action.session,
        outbox: action.outbox,
        session: action.session,
        messages: action.messages,
      };
    case "opened": {
      const same = state.session?.id === action.session.id;
      return {
        ...state,
        resuming: false,
        session: action.session,
        messages: mergeMessages(same ? state.messages : [], action.messages),
        queue: action.session.status === "QUEUED" ? action.queue : null,
      };
    }
    case "messages": {
      const mine = action.messages.filter((m) => m.sessionId === state.session?.id);
      if (!mine.length) return state;
      const fromAgent = mine.some((m) => m.senderRole === "AGENT");
      return { ...state, messages: mergeMessages(state.messages, mine), agentTyping: fromAgent ? null : state.agentTyping };
    }
    case "session":
      if (action.session.id !== state.session?.id) return state;
      return { ...state, session: action.session, queue: action.session.status === "QUEUED" ? state.queue : null };
    case "queue":
      return action.queue.sessionId === state.session?.id && state.session.status === "QUEUED" ? { ...state, queue: action.queue } : state;
    case "typing":
      return { ...state, agentTyping: action.name };
    case "read": {
      if (!state.session || action.sessionId !== state.session.id) return state;
      const key = action.reader === "agent" ? "agentReadSeq" : "shopperReadSeq";
      return { ...state, session: { ...state.session, [key]: Math.max(state.session[key], action.seq) } };
    }
    case "outbox":
      return { ...state, outbox: action.outbox };
    case "notice":
      return { ...state, notice: action.notice };
    case "resumed":
      return { ...state, resuming: false };
    case "reset":
      return { ...initial, loaded: true };
  }
}

const TYPING_SHOWN_MS = 6000;
const TYPING_RESEND_MS = 2500;

export interface SupportChat extends ChatState {
  status: ConnectionStatus;
  start(input: StartSessionPayload): Promise<void>;
  send(body: string): void;
  discard(clientMessageId: string): void;
  typing(isTyping: boolean): void;
  markRead(): void;
  end(): Promise<void>;
  rate(rating: number, comment?: string): Promise<void>;
  setContact(email: string, name?: string): Promise<void>;
  startOver(): void;
}

/**
 * The shopper's side of one support conversation: opens or reopens it on every (re)connect with
 * the last seq it holds, keeps unsent messages in localStorage and sends each once, in order.
 */
export function useSupportChat(): SupportChat {
  const { socket, status } = useSupportSocket();
  const [state, dispatch] = useReducer(reducer, initial);
  const current = useRef(state);
  useLayoutEffect(() => {
    current.current = state;
  });
  const outbox = useRef<PendingMessage[]>([]);
  const flushing = useRef(false);
  const typingSent = useRef({ at: 0, value: false });

  const setOutbox = useCallback((update: (list: PendingMessage[]) => PendingMessage[]) => {
    outbox.current = update(outbox.current);
    supportStorage.saveOutbox(outbox.current);
    dispatch({ type: "outbox", outbox: outbox.current });
  }, []);

  useEffect(() => {
    const stored = supportStorage.session();
    const cached = supportStorage.transcript();
    const usable = stored && cached?.session.id === stored.sessionId ? cached : null;
    outbox.current = supportStorage.outbox();
    dispatch({ type: "loaded", outbox: outbox.current, resuming: !!stored, session: usable?.session ?? null, messages: usable?.messages ?? [] });
  }, []);

  // The transcript follows the state, so a reload while offline still shows it.
  useEffect(() => {
    if (state.session) supportStorage.saveTranscript({ session: state.session, messages: state.messages });
  }, [state.session, state.messages]);

  /** Sends queued messages one at a time, oldest first, while connected. */
  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    try {
      for (;;) {
        const sessionId = current.current.session?.id;
        const next = outbox.current.find((p) => !p.error && p.sessionId === sessionId);
        if (!next || !socket.connected) return;
        try {
          const message = await request(socket, "send_message", { sessionId: next.sessionId, clientMessageId: next.clientMessageId, body: next.body });
          dispatch({ type: "messages", messages: [message] });
          setOutbox((list) => list.filter((p) => p.clientMessageId !== next.clientMessageId));
        } catch (error) {
          const code = error instanceof SupportRequestError ? error.code : "INTERNAL";
          if (code === "TIMEOUT") return; // still queued: the next connect sends it (the server drops a repeat)
          if (code === "RATE_LIMITED") {
            await new Promise((r) => setTimeout(r, 3000));
            continue;
          }
          setOutbox((list) => list.map((p) => (p.clientMessageId === next.clientMessageId ? { ...p, error: errorText(error) } : p)));
        }
      }
    } finally {
      flushing.current = false;
    }
  }, [socket, setOutbox]);

  const forget = useCallback(() => {
    supportStorage.clear();
    outbox.current = [];
    dispatch({ type: "reset" });
  }, []);

  // Every (re)connect: reopen the conversation from the last seq held, then send what waited.
  useEffect(() => {
    if (status !== "connected" || !state.loaded) return;
    let cancelled = false;
    void (async () => {
      try {
        let stored = supportStorage.session();
        if (!stored) {
          // A signed-in shopper on a new device: their open conversation follows the account.
          const [open] = await request(socket, "list_my_sessions", {});
          if (!open) return;
          stored = { sessionId: open.id, resumeToken: null };
          supportStorage.saveSession(stored);
        }
        const result = await request(socket, "rejoin_session", {
          sessionId: stored.sessionId,
          ...(stored.resumeToken ? { resumeToken: stored.resumeToken } : {}),
          lastSeq: current.current.session?.id === stored.sessionId ? lastSeqOf(current.current.messages) : 0,
        });
        if (cancelled) return;
        dispatch({ type: "opened", session: result.session, messages: result.messages, queue: result.queue });
        void flush();
      } catch (error) {
        if (cancelled) return;
        if (error instanceof SupportRequestError && error.code === "NOT_FOUND") forget();
        else dispatch({ type: "notice", notice: errorText(error) });
      } finally {
        if (!cancelled) dispatch({ type: "resumed" });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [status, state.loaded, socket, flush, forget]);

  useEffect(() => {
    let typingTimer: ReturnType<typeof setTimeout> | undefined;
    const onMessage = (m: MessageView) => dispatch({ type: "messages", messages: [m] });
    const onSession = ({ session }: { session: SessionView }) => dispatch({ type: "session", session });
    const onQueue = (queue: QueuePosition) => dispatch({ type: "queue", queue });
    const onRead = (read: { sessionId: string; reader: "shopper" | "agent"; seq: number }) => dispatch({ type: "read", ...read });
    const onTyping = (t: { sessionId: string; from: string; name: string; isTyping: boolean }) => {
      if (t.from !== "agent" || t.sessionId !== current.current.session?.id) return;
      clearTimeout(typingTimer);
      dispatch({ type: "typing", name: t.isTyping ? t.name : null });
      if (t.isTyping) typingTimer = setTimeout(() => dispatch({ type: "typing", name: null }), TYPING_SHOWN_MS);
    };
    socket.on("message", onMessage);
    socket.on("session_updated", onSession);
    socket.on("session_ended", onSession);
    socket.on("queue_position", onQueue);
    socket.on("messages_read", onRead);
    socket.on("user_typing", onTyping);
    return () => {
      clearTimeout(typingTimer);
      socket.off("message", onMessage);
      socket.off("session_updated", onSession);
      socket.off("session_ended", onSession);
      socket.off("queue_position", onQueue);
      socket.off("messages_read", onRead);
      socket.off("user_typing", onTyping);
    };
  }, [socket]);

  const start = useCallback(
    async (input: StartSessionPayload) => {
      dispatch({ type: "notice", notice: null });
      try {
        const started = await request(socket, "start_session", input);
        supportStorage.saveSession({ sessionId: started.session.id, resumeToken: started.resumeToken });
        dispatch({ type: "opened", session: started.session, messages: started.messages, queue: started.queue });
      } catch (error) {
        dispatch({ type: "notice", notice: errorText(error) });
        throw error;
      }
    },
    [socket],
  );

  const send = useCallback(
    (body: string) => {
      const sessionId = current.current.session?.id;
      if (!sessionId) return;
      setOutbox((list) => [...list, { sessionId, clientMessageId: newClientMessageId(), body, createdAt: new Date().toISOString(), error: null }]);
      typingSent.current = { at: 0, value: false };
      void flush();
    },
    [flush, setOutbox],
  );

  const discard = useCallback((clientMessageId: string) => setOutbox((list) => list.filter((p) => p.clientMessageId !== clientMessageId)), [setOutbox]);

  const typing = useCallback(
    (isTyping: boolean) => {
      const sessionId = current.current.session?.id;
      const last = typingSent.current;
      const now = Date.now();
      if (!sessionId || !socket.connected || current.current.session?.status === "ENDED") return;
      // "Still typing" at most every few seconds; "stopped" once.
      if (isTyping === last.value && (!isTyping || now - last.at < TYPING_RESEND_MS)) return;
      typingSent.current = { at: now, value: isTyping };
      socket.emit("typing", { sessionId, isTyping });
    },
    [socket],
  );

  const markRead = useCallback(() => {
    const { session, messages } = current.current;
    const seq = lastSeqOf(messages);
    if (!session || !socket.connected || seq <= session.shopperReadSeq) return;
    dispatch({ type: "read", sessionId: session.id, reader: "shopper", seq });
    request(socket, "mark_read", { sessionId: session.id, seq }).catch(() => undefined);
  }, [socket]);

  const act = useCallback(async (run: (sessionId: string) => Promise<SessionView>) => {
    const sessionId = current.current.session?.id;
    if (!sessionId) return;
    dispatch({ type: "notice", notice: null });
    try {
      dispatch({ type: "session", session: await run(sessionId) });
    } catch (error) {
      dispatch({ type: "notice", notice: errorText(error) });
      throw error;
    }
  }, []);

  const end = useCallback(() => act((sessionId) => request(socket, "end_session", { sessionId })), [act, socket]);
  const rate = useCallback(
    (rating: number, comment?: string) => act((sessionId) => request(socket, "rate_session", { sessionId, rating, comment })),
    [act, socket],
  );
  const setContact = useCallback(
    (email: string, name?: string) => act((sessionId) => request(socket, "set_contact", { sessionId, email, name })),
    [act, socket],
  );

  return { ...state, status, start, send, discard, typing, markRead, end, rate, setContact, startOver: forget };
}
