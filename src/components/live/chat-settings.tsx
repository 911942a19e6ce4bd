"use client";

import { useId, useState } from "react";
import type { Ack } from "@/realtime/ack";
import type { ChatSettings } from "@/realtime/live-stream";

const SLOW_MODES = [0, 5, 10, 30, 60, 120];

/** Chat on/off, slow mode and the blocked words of the show. */
export function ChatSettingsPanel({
  chat,
  blockedWords,
  onChatEnabled,
  onSlowMode,
  onBlockedWords,
}: {
  chat: ChatSettings;
  blockedWords: string[];
  onChatEnabled: (enabled: boolean) => Promise<Ack<ChatSettings>>;
  onSlowMode: (seconds: number) => Promise<Ack<ChatSettings>>;
  onBlockedWords: (words: string[]) => Promise<Ack<{ words: string[] }>>;
}) {
  const [words, setWords] = useState(blockedWords.join(", "));
  const [status, setStatus] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const id = useId();
  const report = (ack: Ack<unknown>, ok: string) => setStatus(ack.ok ? { kind: "ok", text: ok } : { kind: "error", text: ack.error.message });

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-4">
        <label className="inline-flex cursor-pointer items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            className="size-4 accent-ember-600"
            checked={chat.enabled}
            onChange={async (e) => report(await onChatEnabled(e.target.checked), e.target.checked ? "Chat is on" : "Chat is off for viewers")}
            data-testid="chat-enabled"
          />
          Chat open to viewers
        </label>
        <label className="inline-flex items-center gap-2 text-sm font-medium">
          Slow mode
          <select
            className="field-input w-auto py-1.5"
            value={chat.slowModeSeconds}
            onChange={async (e) =>
              report(await onSlowMode(Number(e.target.value)), Number(e.target.value) ? `Slow mode: one message every ${e.target.value} s` : "Slow mode off")
            }
          >
            {SLOW_MODES.map((s) => (
              <option key={s} value={s}>
                {s === 0 ? "Off" : `${s} s`}
              </option>
            ))}
          </select>
        </label>
      </div>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const list = words
            .split(/[,\n]/)
            .map((w) => w.trim())
            .filter(Boolean);
          const ack = await onBlockedWords(list);
          if (ack.ok) setWords(ack.data.words.join(", "));
          report(ack, ack.ok ? `${ack.data.words.length} blocked ${ack.data.words.length === 1 ? "word" : "words"} saved` : "");
        }}
      >
        <label htmlFor={`${id}-words`} className="mb-1 block text-sm font-medium">
          Blocked words <span className="font-normal text-cocoa-600">(comma-separated; whole words, any case)</span>
        </label>
        <div className="flex gap-2">
          <input id={`${id}-words`} className="field-input py-2" value={words} onChange={(e) => setWords(e.target.value)} placeholder="e.g. spam, scam" />
          <button type="submit" className="btn-secondary px-4">
            Save
          </button>
        </div>
      </form>
      <p role="status" aria-live="polite" className={`min-h-5 text-sm ${status?.kind === "error" ? "text-red-700" : "text-emerald-800"}`}>
        {status?.text}
      </p>
    </div>
  );
}
