"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { Ack } from "@/realtime/ack";
import { LIVE_LIMITS, type ChatMessage } from "@/realtime/live-stream";

export interface Moderation {
  pin: (messageId: string | null) => void;
  highlight: (messageId: string, highlighted: boolean) => void;
  remove: (messageId: string) => void;
  mute: (userId: string, minutes: number) => void;
  ban: (userId: string) => void;
}

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

function ModerationMenu({ message, moderation }: { message: ChatMessage; moderation: Moderation }) {
  const item = "block w-full rounded-lg px-3 py-1.5 text-left text-sm hover:bg-sand-100 focus-visible:bg-sand-100";
  return (
    // A choice closes the menu (a <details> would otherwise stay open over the chat).
    <details className="relative shrink-0" onClick={(e) => e.target instanceof HTMLButtonElement && e.currentTarget.removeAttribute("open")}>
      <summary
        className="cursor-pointer list-none rounded-full px-2 py-0.5 text-cocoa-600 hover:bg-sand-200"
        aria-label={`Moderate message from ${message.userName}`}
      >
        ⋯
      </summary>
      <div className="absolute right-0 z-10 mt-1 w-44 rounded-xl border border-sand-200 bg-white p-1 shadow-lg">
        <button type="button" className={item} onClick={() => moderation.pin(message.id)}>
          Pin
        </button>
        <button type="button" className={item} onClick={() => moderation.highlight(message.id, !message.highlighted)}>
          {message.highlighted ? "Remove highlight" : "Highlight"}
        </button>
        <button type="button" className={`${item} text-red-700`} onClick={() => moderation.remove(message.id)}>
          Delete
        </button>
        {!message.fromHost && (
          <>
            <button type="button" className={item} onClick={() => moderation.mute(message.userId, 5)}>
              Mute 5 min
            </button>
            <button type="button" className={item} onClick={() => moderation.mute(message.userId, 60)}>
              Mute 1 hour
            </button>
            <button type="button" className={`${item} text-red-700`} onClick={() => moderation.ban(message.userId)}>
              Ban from show
            </button>
          </>
        )}
      </div>
    </details>
  );
}

/**
 * The show's chat: pinned message, the log (kept scrolled to the newest unless the reader
 * scrolled up), the composer with every refusal explained. Messages are text, never HTML.
 */
export function ChatPanel({
  messages,
  pinned,
  onSend,
  disabledReason,
  slowModeSeconds,
  moderation,
  onReact,
  className = "",
}: {
  messages: ChatMessage[];
  pinned: ChatMessage | null;
  onSend: (body: string) => Promise<Ack<ChatMessage>>;
  /** Why the composer is closed (chat off, muted…), or null when open. */
  disabledReason: string | null;
  slowModeSeconds: number;
  moderation?: Moderation;
  onReact?: (messageId: string) => void;
  className?: string;
}) {
  const [draft, setDraft] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const log = useRef<HTMLOListElement>(null);
  const stick = useRef(true);
  const inputId = useId();
  const statusId = useId();

  useEffect(() => {
    const el = log.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [messages]);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const body = draft.trim();
    if (!body || sending) return;
    setSending(true);
    setError(null);
    const ack = await onSend(body);
    setSending(false);
    if (ack.ok) {
      setDraft("");
      stick.current = true;
    } else setError(ack.error.message);
  };

  return (
    <section aria-label="Live chat" className={`card flex min-h-0 flex-col overflow-hidden ${className}`}>
      <header className="flex items-center justify-between border-b border-sand-200 px-4 py-2.5">
        <h2 className="text-base font-bold">Live chat</h2>
        {slowModeSeconds > 0 && <span className="rounded-full bg-sand-100 px-2 py-0.5 text-xs font-medium text-cocoa-700">Slow mode · {slowModeSeconds}s</span>}
      </header>
      {pinned && (
        <div className="flex items-start gap-2 border-b border-ember-200 bg-ember-50 px-4 py-2 text-sm" data-testid="pinned-message">
          <span aria-hidden="true">📌</span>
          <p className="min-w-0 flex-1 break-words">
            <span className="sr-only">Pinned: </span>
            <span className="font-semibold">{pinned.userName}: </span>
            {pinned.body}
          </p>
          {moderation && (
            <button type="button" className="text-xs font-semibold text-ember-800 underline" onClick={() => moderation.pin(null)}>
              Unpin
            </button>
          )}
        </div>
      )}
      <ol
        ref={log}
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        className="min-h-48 flex-1 space-y-1 overflow-y-auto px-3 py-2"
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
        data-testid="chat-log"
      >
        {messages.length === 0 && <li className="py-6 text-center text-sm text-cocoa-600">No messages yet. Say hello!</li>}
        {messages.map((m) => (
          <li
            key={m.id}
            className={`group flex items-start gap-2 rounded-lg px-2 py-1 text-sm ${m.highlighted ? "bg-amber-100 ring-1 ring-amber-300" : ""}`}
            data-testid="chat-message"
          >
            <p className="min-w-0 flex-1 break-words">
              <span className={`font-semibold ${m.fromHost ? "text-ember-700" : "text-cocoa-800"}`}>
                {m.userName}
                {m.fromHost && <span className="ml-1 rounded bg-ember-600 px-1 py-px text-[10px] font-bold text-white uppercase">Host</span>}
              </span>{" "}
              <span className="text-cocoa-900">{m.body}</span>
              <span className="ml-1.5 text-xs text-cocoa-500">{time(m.createdAt)}</span>
            </p>
            {onReact && !moderation && (
              <button
                type="button"
                onClick={() => onReact(m.id)}
                className="shrink-0 rounded-full px-1.5 text-xs opacity-60 group-hover:opacity-100 hover:bg-sand-100 focus-visible:opacity-100"
                aria-label={`Love the message from ${m.userName}`}
              >
                ❤️
              </button>
            )}
            {moderation && <ModerationMenu message={m} moderation={moderation} />}
          </li>
        ))}
      </ol>
      <form onSubmit={send} className="border-t border-sand-200 p-3">
        <label htmlFor={inputId} className="sr-only">
          Message
        </label>
        <div className="flex gap-2">
          <input
            id={inputId}
            className="field-input py-2"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            maxLength={LIVE_LIMITS.messageChars}
            placeholder={disabledReason ?? "Say something nice…"}
            disabled={disabledReason !== null}
            aria-describedby={statusId}
            autoComplete="off"
            data-testid="chat-input"
          />
          <button type="submit" className="btn-primary px-4" disabled={disabledReason !== null || sending || !draft.trim()}>
            Send
          </button>
        </div>
        <p id={statusId} role="status" aria-live="polite" className="mt-1 min-h-4 text-xs text-red-700">
          {error ?? (disabledReason && <span className="text-cocoa-600">{disabledReason}</span>)}
        </p>
      </form>
    </section>
  );
}
