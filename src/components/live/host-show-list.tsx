import Link from "next/link";
import { LiveBadge } from "@/components/live/live-badge";
import type { ShowSummary } from "@/server/live/shows";

const when = (iso: string) => new Date(iso).toLocaleString("en-US", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

/** The host's shows: open the console, or the report once a show has ended. */
export function HostShowList({ shows }: { shows: ShowSummary[] }) {
  if (shows.length === 0)
    return <p className="rounded-2xl border border-dashed border-sand-300 px-4 py-8 text-center text-cocoa-600">No shows yet: plan your first one below.</p>;
  return (
    <ul className="divide-y divide-sand-200 rounded-2xl border border-sand-200 bg-white">
      {shows.map((show) => (
        <li key={show.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
          <LiveBadge status={show.status} />
          <div className="min-w-0 flex-1">
            <p className="truncate font-semibold">{show.title}</p>
            <p className="text-sm text-cocoa-600">
              {when(show.status === "ENDED" ? (show.endedAt ?? show.scheduledAt) : show.scheduledAt)} UTC · {show.products.length} products
              {show.status === "SCHEDULED" && ` · ${show.rsvpCount} RSVP${show.rsvpCount === 1 ? "" : "s"}`}
            </p>
          </div>
          <div className="flex gap-2">
            {show.status === "ENDED" ? (
              <Link href={`/host/shows/${show.id}/report`} className="btn-secondary px-4 py-2">
                Report
              </Link>
            ) : (
              <Link href={`/host/shows/${show.id}`} className="btn-primary px-4 py-2">
                {show.status === "LIVE" ? "Open console" : "Prepare"}
              </Link>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
