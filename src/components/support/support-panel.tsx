"use client";

import { useEffect } from "react";
import { ChatComposer } from "./chat-composer";
import { MessageList } from "./message-list";
import { QueueBanner } from "./queue-banner";
import { RatingForm } from "./rating-form";
import { StartChatForm } from "./start-chat-form";
import type { SupportChat } from "./use-support-chat";

interface Props {
  chat: SupportChat;
  titleId: string;
  /** Whether the shopper can see the panel: only then are messages marked read. */
  visible: boolean;
  onClose(): void;
}

/** The chat itself: start form, conversation, queue, rating. The widget and /support/embed frame it. */
export function SupportPanel({ chat, titleId, visible, onClose }: Props) {
  const { session, status, messages, markRead } = chat;
  const connected = status === "connected";

  // Read receipts: whatever is on screen while the panel is open and the tab is visible counts as read.
  useEffect(() => {
    if (!visible || !session) return;
    const mark = () => document.visibilityState === "visible" && markRead();
    mark();
    document.addEventListener("visibilitychange", mark);
    return () => document.removeEventListener("visibilitychange", mark);
  }, [visible, session, messages, markRead]);

  const subtitle = !connected
    ? status === "connecting"
      ? "Connecting…"
      : "Offline — will send when back"
    : session?.status === "ACTIVE"
      ? `Chatting with ${session.agent?.name ?? "our team"}`
      : session?.status === "ENDED"
        ? "This chat has ended"
        : session?.offline
          ? "We are away — we will answer here"
          : session
            ? "Waiting for an agent"
            : "We usually answer in a few minutes";

  return (
    <div className="flex h-full min-h-0 flex-col bg-sand-50" data-testid="support-panel" data-connection={status}>
      <header className="flex items-center gap-3 bg-cocoa-900 px-4 py-3 text-white">
        <span aria-hidden="true" className={`size-2.5 shrink-0 rounded-full ${connected ? "bg-emerald-400" : "bg-amber-400"}`} />
        <div className="min-w-0 flex-1">
          <h2 id={titleId} className="truncate text-base font-bold text-white">
            CALOR support
          </h2>
          <p className="truncate text-xs text-sand-200" aria-live="polite">
            {subtitle}
          </p>
        </div>
        {session && session.status !== "ENDED" && (
          <button
            type="button"
            onClick={() => void chat.end().catch(() => undefined)}
            disabled={!connected}
            className="rounded-full px-3 py-1.5 text-xs font-semibold text-sand-100 ring-1 ring-sand-100/40 hover:bg-white/10 disabled:opacity-50"
          >
            End chat
          </button>
        )}
        <button
          type="button"
          onClick={onClose}
          aria-label="Close chat"
          className="inline-flex size-9 items-center justify-center rounded-full text-xl hover:bg-white/10"
        >
          <span aria-hidden="true">×</span>
        </button>
      </header>

      {chat.notice && (
        <p role="alert" className="border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800">
          {chat.notice}
        </p>
      )}

      {!chat.loaded || (chat.resuming && !session) ? (
        <p className="flex flex-1 items-center justify-center text-sm text-cocoa-600" role="status">
          Loading your conversation…
        </p>
      ) : !session ? (
        <StartChatForm
          onStart={chat.start}
          disabled={!connected}
          disabledReason={status === "connecting" ? "Connecting…" : "Offline — waiting for connection"}
        />
      ) : (
        <>
          <QueueBanner session={session} queue={chat.queue} onContact={(email) => chat.setContact(email)} />
          <MessageList
            label="Support conversation"
            messages={chat.messages}
            side="shopper"
            otherReadSeq={session.agentReadSeq}
            pending={chat.outbox.filter((p) => p.sessionId === session.id)}
            connected={connected}
            typingName={chat.agentTyping}
            onDiscard={chat.discard}
          />
          {session.status === "ENDED" ? (
            <RatingForm session={session} onRate={chat.rate} onStartOver={chat.startOver} />
          ) : (
            <ChatComposer onSend={chat.send} onTyping={chat.typing} placeholder="Write a message…" />
          )}
        </>
      )}
    </div>
  );
}
