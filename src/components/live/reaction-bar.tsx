"use client";

import { REACTIONS, type Reaction } from "@/realtime/live-stream";

/** Quick reactions; everyone sees them float over the video. */
export function ReactionBar({ onReact, disabled }: { onReact: (emoji: Reaction) => void; disabled?: boolean }) {
  return (
    <div role="group" aria-label="React" className="flex flex-wrap gap-1">
      {REACTIONS.map((emoji) => (
        <button
          key={emoji}
          type="button"
          onClick={() => onReact(emoji)}
          disabled={disabled}
          className="flex size-10 items-center justify-center rounded-full border border-sand-200 bg-white text-xl transition-transform hover:scale-110 hover:border-ember-300 active:scale-95 disabled:opacity-50"
          aria-label={`React ${emoji}`}
        >
          {emoji}
        </button>
      ))}
    </div>
  );
}
