"use client";

import { useState } from "react";
import { requestJson } from "@/components/cart/request-json";

/** RSVP to an upcoming show: the notification centre says when it goes live. */
export function RsvpButton({ showId, initial, count }: { showId: string; initial: boolean; count: number }) {
  const [rsvp, setRsvp] = useState({ rsvped: initial, rsvpCount: count });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      setRsvp(
        await requestJson<{ rsvped: boolean; rsvpCount: number }>(`/api/shows/${encodeURIComponent(showId)}/rsvp`, { method: rsvp.rsvped ? "DELETE" : "POST" }),
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not save your RSVP");
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        onClick={toggle}
        disabled={busy}
        aria-pressed={rsvp.rsvped}
        className={rsvp.rsvped ? "btn-secondary" : "btn-primary"}
        data-testid="rsvp"
      >
        {rsvp.rsvped ? "✓ You're going: cancel RSVP" : "RSVP: remind me when it starts"}
      </button>
      <span className="text-sm text-cocoa-600" role="status" aria-live="polite">
        {error ? <span className="text-red-700">{error}</span> : `${rsvp.rsvpCount} ${rsvp.rsvpCount === 1 ? "person is" : "people are"} going`}
      </span>
    </div>
  );
}
