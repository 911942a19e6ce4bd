"use client";

import { useId, useState } from "react";

const TOPICS = ["An order", "Delivery", "Returns & refunds", "A product", "Something else"] as const;

/** Name and email are optional: a guest can ask without an account. */
export function StartChatForm({
  onStart,
  disabled,
  disabledReason,
}: {
  onStart(input: { topic: string; name?: string; email?: string }): Promise<void>;
  disabled: boolean;
  disabledReason?: string;
}) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="flex flex-1 flex-col gap-4 overflow-y-auto p-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        setBusy(true);
        try {
          await onStart({ topic: String(form.get("topic")), name: String(form.get("name") ?? ""), email: String(form.get("email") ?? "") });
        } catch {
          // The panel shows the error.
        } finally {
          setBusy(false);
        }
      }}
    >
      <div>
        <h3 className="text-lg font-bold">How can we help?</h3>
        <p className="mt-1 text-sm text-cocoa-700">A person from our team answers. Name and email are optional.</p>
      </div>
      <div>
        <label htmlFor={`${id}-topic`} className="mb-1 block text-sm font-semibold">
          Topic
        </label>
        <select id={`${id}-topic`} name="topic" required className="field-input" defaultValue={TOPICS[0]}>
          {TOPICS.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-name`} className="mb-1 block text-sm font-semibold">
          Your name <span className="font-normal text-cocoa-600">(optional)</span>
        </label>
        <input id={`${id}-name`} name="name" autoComplete="name" maxLength={80} className="field-input" />
      </div>
      <div>
        <label htmlFor={`${id}-email`} className="mb-1 block text-sm font-semibold">
          Email <span className="font-normal text-cocoa-600">(optional, for a reply if we are away)</span>
        </label>
        <input id={`${id}-email`} name="email" type="email" autoComplete="email" maxLength={254} className="field-input" />
      </div>
      <button type="submit" className="btn-primary mt-auto w-full" disabled={disabled || busy}>
        {busy ? "Starting…" : disabled ? (disabledReason ?? "Connecting…") : "Start chat"}
      </button>
    </form>
  );
}
