import type { Metadata } from "next";
import Link from "next/link";
import { ConsoleShell } from "@/components/layout/console-shell";
import { HostConsole } from "@/components/live/host-console";
import { requireConsole } from "@/server/auth/page-guard";
import { hostPageShow } from "./hosted-show";

export const metadata: Metadata = { title: "Host console" };
export const dynamic = "force-dynamic";

export default async function HostShowPage({ params }: { params: Promise<{ id: string }> }) {
  const summary = await hostPageShow(await requireConsole("host"), (await params).id);
  return (
    <ConsoleShell
      title={summary.title}
      intro={
        <>
          <Link href="/host" className="text-ember-700 underline underline-offset-2">
            Host console
          </Link>{" "}
          · {summary.products.length} products
        </>
      }
    >
      <HostConsole summary={summary} />
    </ConsoleShell>
  );
}
