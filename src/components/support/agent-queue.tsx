"use client";

import type { QueueView } from "./queue-state";
import { useNow, waitedFor } from "./use-now";

/** The waiting shoppers, longest wait first, each with a Claim button. */
export function AgentQueue({ queue, canClaim, onClaim }: { queue: QueueView | null; canClaim: boolean; onClaim(sessionId: string): void }) {
  const now = useNow();
  return (
    <section aria-labelledby="agent-queue-title" className="card flex min-h-0 flex-col">
      <h2 id="agent-queue-title" className="flex items-center justify-between border-b border-sand-200 px-4 py-3 text-base font-bold">
        Queue
        <span className="rounded-full bg-sand-100 px-2.5 py-0.5 text-xs font-semibold text-cocoa-700" data-testid="queue-count">
          {queue ? `${queue.waiting} waiting` : "…"}
        </span>
      </h2>
      {!queue ? (
        <p className="p-4 text-sm text-cocoa-600">Loading the queue…</p>
      ) : queue.sessions.length === 0 ? (
        <p className="p-4 text-sm text-cocoa-600">Nobody is waiting. New chats appear here at once.</p>
      ) : (
        <ol className="divide-y divide-sand-200 overflow-y-auto" aria-live="polite" aria-relevant="additions">
          {queue.sessions.map((s) => (
            <li key={s.sessionId} className="flex items-start gap-3 px-4 py-3" data-testid="queue-entry" data-session-id={s.sessionId}>
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-semibold">
                  {s.position}. {s.shopperName}
                  {s.offline && <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-[11px] font-semibold text-amber-900">left a message</span>}
                </p>
                <p className="truncate text-xs text-cocoa-600">
                  {s.topic} · waiting {waitedFor(s.createdAt, now)}
                </p>
                {s.lastMessage && <p className="mt-1 line-clamp-2 text-xs text-cocoa-800">“{s.lastMessage}”</p>}
              </div>
              <button type="button" className="btn-primary shrink-0 px-3 py-1.5 text-xs" disabled={!canClaim} onClick={() => onClaim(s.sessionId)}>
                Claim
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
