import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConsoleShell } from "@/components/layout/console-shell";
import { ShowReport } from "@/components/live/show-report";
import { requireConsole } from "@/server/auth/page-guard";
import { AppError } from "@/server/errors";
import { showAnalytics } from "@/server/live/analytics";
import { getShow, hostedShow } from "@/server/live/shows";

export const metadata: Metadata = { title: "Show report" };
export const dynamic = "force-dynamic";

export default async function ShowReportPage({ params }: { params: Promise<{ id: string }> }) {
  const identity = await requireConsole("host");
  const { id } = await params;
  try {
    await hostedShow(identity, id);
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
  const [summary, analytics] = await Promise.all([getShow(id, null), showAnalytics(id)]);
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
