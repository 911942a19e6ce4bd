import type { Metadata } from "next";
import { ShowCard } from "@/components/live/show-card";
import { currentIdentity } from "@/server/auth/session";
import { listShows, type ShowSummary } from "@/server/live/shows";

export const metadata: Metadata = { title: "Live shows", description: "Watch CALOR's live shows: chat with the host, react, and grab flash offers." };
// Shows go live and end at any moment: never serve a cached list.
export const dynamic = "force-dynamic";

function ShowSection({ id, title, shows, empty }: { id: string; title: string; shows: ShowSummary[]; empty: string }) {
  return (
    <section aria-labelledby={id} className="mb-10">
      <h2 id={id} className="mb-4 text-xl font-bold">
        {title}
      </h2>
      {shows.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-sand-300 px-4 py-8 text-center text-cocoa-600">{empty}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {shows.map((show) => (
            <li key={show.id} className="flex">
              <ShowCard show={show} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default async function ShowsPage() {
  const { live, upcoming, past } = await listShows((await currentIdentity())?.sub ?? null);
  return (
    <div className="mx-auto max-w-7xl px-4 pt-6 sm:px-6">
      <div className="mb-8 border-b border-sand-200 pb-4">
        <h1 className="text-2xl font-bold sm:text-3xl">Live shows</h1>
        <p className="mt-1 text-cocoa-600">Watch, chat with the host, and catch flash offers before they are gone.</p>
      </div>
      <ShowSection id="live-now" title="Live now" shows={live} empty="Nobody is live right now. Check the upcoming shows below." />
      <ShowSection id="upcoming" title="Upcoming" shows={upcoming} empty="No shows planned yet." />
      <ShowSection id="past" title="Past shows" shows={past} empty="No past shows yet." />
    </div>
  );
}
