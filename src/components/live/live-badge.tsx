import type { ShowStatus } from "@/realtime/live-stream";

const styles: Record<ShowStatus, { label: string; className: string }> = {
  LIVE: { label: "Live", className: "bg-red-600 text-white" },
  SCHEDULED: { label: "Upcoming", className: "bg-cocoa-800 text-white" },
  ENDED: { label: "Ended", className: "bg-sand-200 text-cocoa-800" },
};

export function LiveBadge({ status }: { status: ShowStatus }) {
  const { label, className } = styles[status];
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-bold tracking-wide uppercase ${className}`}>
      {status === "LIVE" && <span aria-hidden="true" className="size-2 animate-pulse rounded-full bg-white" />}
      {label}
    </span>
  );
}

export function ViewerCount({ count }: { count: number }) {
  return (
    <span className="inline-flex items-center gap-1.5 rounded-full bg-black/60 px-2.5 py-1 text-xs font-semibold text-white" data-testid="viewer-count">
      <svg viewBox="0 0 24 24" aria-hidden="true" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M1.5 12s4-7 10.5-7 10.5 7 10.5 7-4 7-10.5 7S1.5 12 1.5 12Z" />
        <circle cx="12" cy="12" r="3" />
      </svg>
      <span>
        {count.toLocaleString("en-US")} <span className="sr-only">people</span> watching
      </span>
    </span>
  );
}
