import type { Metadata } from "next";
import Link from "next/link";
import { ConsoleShell } from "@/components/layout/console-shell";
import { ShowReport } from "@/components/live/show-report";
import { requireConsole } from "@/server/auth/page-guard";
import { showAnalytics } from "@/server/live/analytics";
import { hostPageShow } from "../hosted-show";

export const metadata: Metadata = { title: "Show report" };
export const dynamic = "force-dynamic";

export default async function ShowReportPage({ params }: { params: Promise<{ id: string }> }) {
  const summary = await hostPageShow(await requireConsole("host"), (await params).id);
  const analytics = await showAnalytics(summary.id);
  return (
    <ConsoleShell
      title={`Report: ${summary.title}`}
      intro={
        <Link href="/host" className="text-ember-700 underline underline-offset-2">
          Host console
        </Link>
      }
    >
      <ShowReport summary={summary} analytics={analytics} />
    </ConsoleShell>
  );
}
