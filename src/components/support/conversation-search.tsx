"use client";

import { useId, useRef, useState } from "react";
import { LocalTime } from "@/components/orders/local-time";
import type { SearchResult, SessionStatus, Transcript } from "@/realtime/support-chat";
import { MessageList } from "./message-list";
import { errorText, request, useSupportSocket } from "./support-socket";

/** Search past and present conversations (the agent's own; all for admins) and read a transcript. */
export function ConversationSearch() {
  const { socket } = useSupportSocket();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [transcript, setTranscript] = useState<Transcript | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = async (sessionId: string) => {
    setError(null);
    try {
      setTranscript(await request(socket, "get_transcript", { sessionId }));
      dialog.current?.showModal();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="card flex min-h-0 flex-col">
      <h2 id={`${id}-title`} className="border-b border-sand-200 px-4 py-3 text-base font-bold">
        Past conversations
      </h2>
      <form
        className="flex flex-wrap gap-2 p-3"
        role="search"
        onSubmit={async (e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const status = String(form.get("status") ?? "");
          setBusy(true);
          setError(null);
          try {
            setResult(
              await request(socket, "search_sessions", { query: String(form.get("query") ?? ""), ...(status ? { status: status as SessionStatus } : {}) }),
            );
          } catch (err) {
            setError(errorText(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        <label htmlFor={`${id}-query`} className="sr-only">
          Search text
        </label>
        <input
          id={`${id}-query`}
          name="query"
          type="search"
          maxLength={100}
          placeholder="Name, email, topic or words"
          className="field-input w-full py-1.5 text-sm"
        />
        <label htmlFor={`${id}-status`} className="sr-only">
          Status
        </label>
        <select id={`${id}-status`} name="status" className="field-input w-auto flex-1 py-1.5 text-sm" defaultValue="">
          <option value="">Any status</option>
          <option value="ENDED">Ended</option>
          <option value="ACTIVE">Active</option>
          <option value="QUEUED">Waiting</option>
        </select>
        <button type="submit" className="btn-secondary px-3 py-1.5 text-sm" disabled={busy}>
          {busy ? "Searching…" : "Search"}
        </button>
      </form>
      {error && (
        <p role="alert" className="px-4 pb-2 text-sm text-red-700">
          {error}
        </p>
      )}
      {result && (
        <ul className="divide-y divide-sand-200 overflow-y-auto border-t border-sand-200" aria-live="polite">
          {result.sessions.length === 0 && <li className="p-4 text-sm text-cocoa-600">No conversation matches.</li>}
          {result.sessions.map(({ session, snippet }) => (
            <li key={session.id}>
              <button type="button" onClick={() => void open(session.id)} className="w-full px-4 py-2.5 text-left hover:bg-sand-50">
                <span className="block truncate text-sm font-semibold">
                  {session.shopperName} · {session.topic}
                </span>
                <span className="block text-xs text-cocoa-600">
                  <LocalTime iso={session.createdAt} /> · {session.status.toLowerCase()}
                  {session.agent ? ` · ${session.agent.name}` : ""}
                  {session.rating ? ` · ${session.rating}/5` : ""}
                </span>
                {snippet && <span className="mt-0.5 block truncate text-xs text-cocoa-800">{snippet}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-transcript`}
        onClose={() => setTranscript(null)}
        className="m-auto h-[min(720px,90dvh)] w-[min(640px,95vw)] rounded-2xl p-0 backdrop:bg-cocoa-900/40"
      >
        {transcript && (
          <div className="flex h-full flex-col bg-sand-50">
            <header className="flex items-center gap-3 border-b border-sand-200 bg-white px-4 py-3">
              <div className="min-w-0 flex-1">
                <h3 id={`${id}-transcript`} className="truncate text-base font-bold">
                  Transcript: {transcript.session.shopperName}
                </h3>
                <p className="truncate text-xs text-cocoa-600">
                  {transcript.session.topic} · <LocalTime iso={transcript.session.createdAt} />
                  {transcript.session.rating ? ` · rated ${transcript.session.rating}/5` : ""}
                </p>
              </div>
              <button type="button" onClick={() => dialog.current?.close()} className="btn-secondary px-3 py-1.5 text-xs">
                Close
              </button>
            </header>
            <MessageList label="Transcript" messages={transcript.messages} side="agent" otherReadSeq={transcript.session.shopperReadSeq} typingName={null} />
          </div>
        )}
      </dialog>
    </section>
  );
}
