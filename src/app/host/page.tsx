import type { Metadata } from "next";
import { HostShowList } from "@/components/live/host-show-list";
import { ShowForm } from "@/components/live/show-form";
import { ConsoleShell } from "@/components/layout/console-shell";
import { requireConsole } from "@/server/auth/page-guard";
import { hostShows, sellableProducts } from "@/server/live/shows";

export const metadata: Metadata = { title: "Host console" };

export default async function HostConsolePage() {
  const identity = await requireConsole("host");
  const [shows, products] = await Promise.all([hostShows(identity), sellableProducts()]);
  return (
    <ConsoleShell title="Host console" intro={`Signed in as ${identity.name}`}>
      <section aria-labelledby="my-shows" className="mb-10">
        <h2 id="my-shows" className="mb-3 text-xl font-bold">
          Your shows
        </h2>
        <HostShowList shows={shows} />
      </section>
      <section aria-labelledby="new-show" className="card mb-10 p-4 sm:p-6">
        <h2 id="new-show" className="mb-4 text-xl font-bold">
          Plan a new show
        </h2>
        <ShowForm products={products} />
      </section>
    </ConsoleShell>
  );
}
