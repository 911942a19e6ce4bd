"use client";

import { useId, useState } from "react";
import type { QueuePosition, SessionView } from "@/realtime/support-chat";

/** While waiting: the place in the line and the likely wait; when nobody is there: leave an email. */
export function QueueBanner({ session, queue, onContact }: { session: SessionView; queue: QueuePosition | null; onContact(email: string): Promise<void> }) {
  if (session.status !== "QUEUED") return null;
  const nobody = session.offline || queue?.estimatedWaitMinutes === null;
  return (
    <div className="border-b border-sand-200 bg-ember-50 px-4 py-2.5 text-sm text-cocoa-800" data-testid="queue-banner">
      {nobody ? (
        <p>
          <strong>We are away right now.</strong> Leave your message{session.email ? "" : " and your email"}: we will answer here, and the chat stays open until
          we do.
        </p>
      ) : queue ? (
        <p>
          An agent will be with you — you are <strong>number {queue.position}</strong> in the queue, about{" "}
          <strong>
            {queue.estimatedWaitMinutes} minute{queue.estimatedWaitMinutes === 1 ? "" : "s"}
          </strong>
          .
        </p>
      ) : (
        <p>An agent will be with you shortly.</p>
      )}
      {nobody && !session.email && <ContactForm onContact={onContact} />}
    </div>
  );
}

function ContactForm({ onContact }: { onContact(email: string): Promise<void> }) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="mt-2 flex gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        await onContact(String(new FormData(e.currentTarget).get("email"))).catch(() => undefined);
        setBusy(false);
      }}
    >
      <label htmlFor={`${id}-email`} className="sr-only">
        Your email address
      </label>
      <input
        id={`${id}-email`}
        name="email"
        type="email"
        required
        autoComplete="email"
        placeholder="you@example.com"
        className="field-input min-w-0 py-1.5 text-sm"
      />
      <button type="submit" className="btn-secondary shrink-0 px-3 py-1.5" disabled={busy}>
        {busy ? "Saving…" : "Notify me"}
      </button>
    </form>
  );
}
