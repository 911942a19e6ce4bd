"use client";

import { useEffect, useId, useState } from "react";
import type { AgentPresence, CannedResponse } from "@/realtime/support-chat";
import { ChatComposer } from "./chat-composer";
import { MessageList } from "./message-list";
import type { AgentConsole, ChatTab } from "./use-agent-console";

const GONE_TEXT: Record<NonNullable<ChatTab["gone"]>, string> = {
  released: "You released this chat to the queue.",
  transferred: "This chat was transferred to another agent.",
  unassigned: "This chat is no longer assigned to you.",
};

interface Props {
  tab: ChatTab;
  console: Pick<AgentConsole, "send" | "typing" | "markRead" | "release" | "transfer" | "end" | "close" | "connection">;
  canned: CannedResponse[];
  /** Agents a chat can go to: online, not me, with a free seat. */
  colleagues: AgentPresence[];
}

/** One open chat: the conversation, the composer (messages or internal notes) and its actions. */
export function AgentChat({ tab, console: c, canned, colleagues }: Props) {
  const { session } = tab;
  const id = useId();
  const [asNote, setAsNote] = useState(false);
  const [target, setTarget] = useState("");
  const connected = c.connection === "connected";
  const open = session.status === "ACTIVE" && !tab.gone;
  const { markRead } = c;

  // The tab on screen reads what arrives (the shopper sees ✓✓).
  useEffect(() => {
    const mark = () => document.visibilityState === "visible" && markRead(session.id);
    mark();
    document.addEventListener("visibilitychange", mark);
    return () => document.removeEventListener("visibilitychange", mark);
  }, [markRead, session.id, tab.messages.length]);

  return (
    <section
      aria-labelledby={`${id}-title`}
      className="card flex min-h-0 flex-1 flex-col overflow-hidden"
      data-testid="agent-chat"
      data-session-id={session.id}
    >
      <header className="flex flex-wrap items-center gap-2 border-b border-sand-200 px-4 py-3">
        <div className="min-w-0 flex-1">
          <h2 id={`${id}-title`} className="truncate text-base font-bold">
            {session.shopperName}
          </h2>
          <p className="truncate text-xs text-cocoa-600">
            {session.topic} · {session.status === "ENDED" ? "ended" : session.status === "QUEUED" ? "back in the queue" : "active"}
            {session.email ? ` · ${session.email}` : ""}
            {session.rating ? ` · rated ${session.rating}/5${session.ratingComment ? ` “${session.ratingComment}”` : ""}` : ""}
          </p>
        </div>
        {open ? (
          <div className="flex flex-wrap items-center gap-2">
            <form
              className="flex items-center gap-1"
              onSubmit={(e) => {
                e.preventDefault();
                if (target) void c.transfer(session.id, target).then(() => setTarget(""));
              }}
            >
              <label htmlFor={`${id}-transfer`} className="sr-only">
                Transfer to
              </label>
              <select id={`${id}-transfer`} value={target} onChange={(e) => setTarget(e.target.value)} className="field-input w-auto py-1.5 text-xs">
                <option value="">{colleagues.length ? "Transfer to…" : "No one to transfer to"}</option>
                {colleagues.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name} ({a.activeChats}/{a.maxChats})
                  </option>
                ))}
              </select>
              <button type="submit" className="btn-secondary px-3 py-1.5 text-xs" disabled={!target || !connected}>
                Transfer
              </button>
            </form>
            <button type="button" className="btn-secondary px-3 py-1.5 text-xs" disabled={!connected} onClick={() => void c.release(session.id)}>
              Release
            </button>
            <button type="button" className="btn-secondary px-3 py-1.5 text-xs text-red-700" disabled={!connected} onClick={() => void c.end(session.id)}>
              End chat
            </button>
          </div>
        ) : (
          <button type="button" className="btn-secondary px-3 py-1.5 text-xs" onClick={() => c.close(session.id)}>
            Close tab
          </button>
        )}
      </header>
      {(tab.notice || tab.gone) && (
        <p role="status" className="border-b border-sand-200 bg-ember-50 px-4 py-2 text-sm text-cocoa-800">
          {tab.gone ? GONE_TEXT[tab.gone] : tab.notice}
        </p>
      )}
      <MessageList
        label={`Conversation with ${session.shopperName}`}
        messages={tab.messages}
        side="agent"
        otherReadSeq={session.shopperReadSeq}
        typingName={tab.shopperTyping ? session.shopperName : null}
      />
      <ChatComposer
        onSend={(body) => void c.send(session.id, body, asNote)}
        onTyping={(typing) => !asNote && c.typing(session.id, typing)}
        disabled={!open || !connected}
        disabledReason={!connected ? "Reconnecting…" : "This chat is closed"}
        placeholder="Reply, or type / for canned responses"
        canned={canned}
        note={{ value: asNote, onChange: setAsNote }}
      />
    </section>
  );
}
