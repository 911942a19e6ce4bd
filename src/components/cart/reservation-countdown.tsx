"use client";

import { useEffect, useState } from "react";

const clock = (ms: number) => {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
};

/** "Reserved for 9:41" for a flash-offer line, ticking down; says so plainly once it has run out. */
export function ReservationCountdown({ until, onExpire }: { until: string; onExpire?: () => void }) {
  const end = new Date(until).getTime();
  const [now, setNow] = useState(() => Date.now());
  const left = end - now;

  useEffect(() => {
    if (left <= 0) {
      onExpire?.();
      return;
    }
    const timer = setTimeout(() => setNow(Date.now()), Math.min(1000, left));
    return () => clearTimeout(timer);
  }, [left, onExpire]);

  if (left <= 0) {
    return (
      <p className="text-sm font-medium text-red-700" data-testid="reservation-expired">
        Reservation expired: this line will be removed at checkout.
      </p>
    );
  }
  return (
    <p className={`text-sm font-medium ${left < 60_000 ? "text-red-700" : "text-amber-800"}`}>
      {/* The visible clock ticks every second; screen readers get it only when they ask. */}
      Reserved for <span className="font-mono tabular-nums">{clock(left)}</span>
    </p>
  );
}
