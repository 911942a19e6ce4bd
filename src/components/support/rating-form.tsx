"use client";

import { useId, useState } from "react";
import { SUPPORT_LIMITS, type SessionView } from "@/realtime/support-chat";

const LABELS = ["Very poor", "Poor", "Okay", "Good", "Excellent"];

/** After the end: 1–5 and an optional comment, once; then a way to start over. */
export function RatingForm({
  session,
  onRate,
  onStartOver,
}: {
  session: SessionView;
  onRate(rating: number, comment?: string): Promise<void>;
  onStartOver(): void;
}) {
  const id = useId();
  const [rating, setRating] = useState(0);
  const [busy, setBusy] = useState(false);
  return (
    <div className="border-t border-sand-200 bg-white p-4">
      {session.rating ? (
        <p className="text-sm text-cocoa-800" role="status">
          Thanks for rating this chat {session.rating}/5.
        </p>
      ) : (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (!rating) return;
            setBusy(true);
            await onRate(rating, String(new FormData(e.currentTarget).get("comment") ?? "")).catch(() => undefined);
            setBusy(false);
          }}
        >
          <fieldset>
            <legend className="text-sm font-semibold">How did we do?</legend>
            <div className="mt-2 flex gap-1">
              {LABELS.map((label, i) => (
                <label key={label} className="cursor-pointer">
                  <input type="radio" name="rating" value={i + 1} className="peer sr-only" checked={rating === i + 1} onChange={() => setRating(i + 1)} />
                  <span
                    aria-hidden="true"
                    className={`inline-flex size-10 items-center justify-center rounded-full text-2xl peer-focus-visible:outline-2 peer-focus-visible:outline-ember-600 ${i < rating ? "text-ember-500" : "text-sand-300"}`}
                  >
                    ★
                  </span>
                  <span className="sr-only">
                    {i + 1} — {label}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <label htmlFor={`${id}-comment`} className="mt-2 block text-sm font-semibold">
            Comment <span className="font-normal text-cocoa-600">(optional)</span>
          </label>
          <textarea id={`${id}-comment`} name="comment" rows={2} maxLength={SUPPORT_LIMITS.commentChars} className="field-input mt-1 text-sm" />
          <button type="submit" className="btn-primary mt-3 w-full" disabled={!rating || busy}>
            {busy ? "Sending…" : "Send rating"}
          </button>
        </form>
      )}
      <button type="button" onClick={onStartOver} className="btn-secondary mt-3 w-full">
        Start a new chat
      </button>
    </div>
  );
}
