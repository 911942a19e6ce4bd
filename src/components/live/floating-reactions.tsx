"use client";

import { useEffect, useRef, useState } from "react";
import type { ReactionBatch } from "@/realtime/live-stream";
import type { LiveSocket } from "@/components/live/use-live-show";

interface Floater {
  id: number;
  emoji: string;
  left: number;
}

const MAX_ON_SCREEN = 40;
const PER_BATCH_ENTRY = 6;
const LIFE_MS = 2600;

function Float({ floater }: { floater: Floater }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    ref.current?.animate(
      reduced
        ? [{ opacity: 1 }, { opacity: 0 }]
        : [
            { transform: "translateY(0) scale(0.8)", opacity: 0 },
            { transform: "translateY(-30%) scale(1.1)", opacity: 1, offset: 0.15 },
            { transform: `translateY(-260%) translateX(${floater.left % 2 ? 18 : -18}px) scale(1)`, opacity: 0 },
          ],
      { duration: LIFE_MS, easing: "ease-out", fill: "forwards" },
    );
  }, [floater.left]);
  return (
    <span ref={ref} className="absolute bottom-3 text-3xl drop-shadow select-none" style={{ left: `${floater.left}%` }}>
      {floater.emoji}
    </span>
  );
}

/** Reactions of the whole audience, floating up over the video (decorative: hidden from screen readers). */
export function FloatingReactions({ socket, showId }: { socket: LiveSocket; showId: string }) {
  const [floaters, setFloaters] = useState<Floater[]>([]);
  const next = useRef(0);

  useEffect(() => {
    const onBatch = (batch: ReactionBatch) => {
      if (batch.showId !== showId) return;
      const born: Floater[] = batch.reactions.flatMap((r) =>
        Array.from({ length: Math.min(r.count, PER_BATCH_ENTRY) }, () => ({ id: next.current++, emoji: r.emoji, left: 62 + Math.random() * 30 })),
      );
      setFloaters((current) => [...current, ...born].slice(-MAX_ON_SCREEN));
      const ids = new Set(born.map((f) => f.id));
      setTimeout(() => setFloaters((current) => current.filter((f) => !ids.has(f.id))), LIFE_MS + 100);
    };
    socket.on("reaction_added", onBatch);
    return () => {
      socket.off("reaction_added", onBatch);
    };
  }, [socket, showId]);

  return (
    <div aria-hidden="true" className="pointer-events-none absolute inset-0 overflow-hidden">
      {floaters.map((f) => (
        <Float key={f.id} floater={f} />
      ))}
    </div>
  );
}
