"use client";

import { useEffect, useRef } from "react";
import { LocalTime } from "@/components/orders/local-time";
import type { MessageView, Side } from "@/realtime/support-chat";
import type { PendingMessage } from "./support-storage";

interface Props {
  messages: MessageView[];
  /** Whose screen this is: their own messages sit on the right with receipts. */
  side: Side;
  /** The other side has read everything up to this seq. */
  otherReadSeq: number;
  pending?: PendingMessage[];
  connected?: boolean;
  typingName: string | null;
  onDiscard?: (clientMessageId: string) => void;
  label: string;
}

const own = (m: MessageView, side: Side) => (side === "shopper" ? m.senderRole === "SHOPPER" : m.senderRole === "AGENT" && m.kind !== "NOTE");

/**
 * A conversation as a live log: screen readers hear new messages; text is always rendered as
 * text (React escapes it), never as HTML.
 */
export function MessageList({ messages, side, otherReadSeq, pending = [], connected = true, typingName, onDiscard, label }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const count = messages.length + pending.length;

  // Follow the conversation unless the reader scrolled up to read older messages.
  useEffect(() => {
    const el = scroller.current;
    if (el && el.scrollHeight - el.scrollTop - el.clientHeight < 160) el.scrollTop = el.scrollHeight;
  }, [count, typingName]);

  return (
    <div ref={scroller} className="flex-1 overflow-y-auto overscroll-contain px-3 py-4 sm:px-4">
      <ol role="log" aria-live="polite" aria-relevant="additions" aria-label={label} className="flex flex-col gap-2.5">
        {messages.map((m) => (
          <li key={m.seq} data-seq={m.seq} data-kind={m.kind} className="flex flex-col">
            {m.kind === "SYSTEM" ? (
              <p className="mx-auto max-w-[90%] rounded-full bg-sand-100 px-3 py-1 text-center text-xs text-cocoa-600">{m.body}</p>
            ) : m.kind === "NOTE" ? (
              <div className="rounded-xl border border-dashed border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950">
                <p className="text-xs font-semibold text-amber-800">
                  Internal note · {m.senderName} · <LocalTime iso={m.createdAt} withDate={false} />
                </p>
                <p className="mt-0.5 whitespace-pre-wrap break-words">{m.body}</p>
              </div>
            ) : (
              <Bubble mine={own(m, side)} name={m.senderName} body={m.body}>
                <LocalTime iso={m.createdAt} withDate={false} />
                {own(m, side) && <Receipt read={otherReadSeq >= m.seq} />}
              </Bubble>
            )}
          </li>
        ))}
        {pending.map((p) => (
          <li key={p.clientMessageId} className="flex flex-col" data-pending={p.error ? "failed" : "queued"}>
            <Bubble mine name="" body={p.body} faded>
              {p.error ? (
                <span className="text-red-700">
                  Not sent: {p.error}{" "}
                  <button type="button" onClick={() => onDiscard?.(p.clientMessageId)} className="font-semibold underline">
                    Discard
                  </button>
                </span>
              ) : (
                <span>{connected ? "Sending…" : "Waiting for connection — will send automatically"}</span>
              )}
            </Bubble>
          </li>
        ))}
      </ol>
      <p role="status" className="mt-2 h-5 px-1 text-xs text-cocoa-600">
        {typingName && (
          <span className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-flex gap-0.5">
              <span className="size-1.5 animate-bounce rounded-full bg-cocoa-500 [animation-delay:-0.3s]" />
              <span className="size-1.5 animate-bounce rounded-full bg-cocoa-500 [animation-delay:-0.15s]" />
              <span className="size-1.5 animate-bounce rounded-full bg-cocoa-500" />
            </span>
            {typingName} is typing…
          </span>
        )}
      </p>
    </div>
  );
}

function Bubble({ mine, name, body, faded, children }: { mine: boolean; name: string; body: string; faded?: boolean; children: React.ReactNode }) {
  return (
    <div className={`flex max-w-[85%] flex-col ${mine ? "items-end self-end" : "items-start self-start"} ${faded ? "opacity-70" : ""}`}>
      {!mine && name && <span className="mb-0.5 px-1 text-xs font-semibold text-cocoa-600">{name}</span>}
      <p
        className={`whitespace-pre-wrap break-words rounded-2xl px-3.5 py-2 text-sm leading-relaxed ${
          mine ? "rounded-br-md bg-ember-600 text-white" : "rounded-bl-md border border-sand-200 bg-white text-cocoa-900"
        }`}
      >
        {body}
      </p>
      <span className="mt-0.5 flex items-center gap-1 px-1 text-[11px] text-cocoa-600">{children}</span>
    </div>
  );
}

function Receipt({ read }: { read: boolean }) {
  return (
    <span data-receipt={read ? "read" : "sent"} className={read ? "font-semibold text-ember-700" : ""}>
      <span aria-hidden="true">{read ? "✓✓" : "✓"}</span>
      <span className="sr-only">{read ? "Read" : "Sent"}</span>
    </span>
  );
}
