import Image from "next/image";
import Link from "next/link";
import { LiveBadge } from "@/components/live/live-badge";
import type { ShowSummary } from "@/server/live/shows";

const when = (iso: string) =>
  new Date(iso).toLocaleString("en-US", { weekday: "short", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

/** A show in the list: the whole card links to it. */
export function ShowCard({ show }: { show: ShowSummary }) {
  const cover = show.products[0];
  return (
    <article
      className="group card relative flex flex-col overflow-hidden transition-shadow focus-within:ring-2 focus-within:ring-ember-500 hover:shadow-md"
      data-testid="show-card"
    >
      <div className="relative aspect-video overflow-hidden bg-gradient-to-br from-cocoa-800 to-ember-800">
        {cover && (
          <Image
            src={cover.imageUrl}
            alt=""
            fill
            unoptimized
            sizes="(min-width: 1024px) 30vw, 90vw"
            className="object-cover opacity-80 transition-transform duration-300 group-hover:scale-[1.03]"
          />
        )}
        <div className="absolute top-3 left-3">
          <LiveBadge status={show.status} />
        </div>
      </div>
      <div className="flex flex-1 flex-col gap-1 p-4">
        <h3 className="text-base leading-snug font-semibold">
          <Link href={`/shows/${show.id}`} className="after:absolute after:inset-0 focus:outline-none">
            {show.title}
          </Link>
        </h3>
        <p className="text-sm text-cocoa-600">
          {show.hostName} ·{" "}
          {show.status === "LIVE"
            ? "on air now"
            : show.status === "SCHEDULED"
              ? `${when(show.scheduledAt)} UTC`
              : `aired ${when(show.endedAt ?? show.scheduledAt)} UTC`}
        </p>
        <p className="mt-auto pt-2 text-xs text-cocoa-600">
          {show.products.length} {show.products.length === 1 ? "product" : "products"}
          {show.status === "SCHEDULED" && ` · ${show.rsvpCount} going`}
        </p>
      </div>
    </article>
  );
}
