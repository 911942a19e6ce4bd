import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConsoleShell } from "@/components/layout/console-shell";
import { HostConsole } from "@/components/live/host-console";
import { requireConsole } from "@/server/auth/page-guard";
import { AppError } from "@/server/errors";
import { getShow, hostedShow } from "@/server/live/shows";

export const metadata: Metadata = { title: "Host console" };
export const dynamic = "force-dynamic";

export default async function HostShowPage({ params }: { params: Promise<{ id: string }> }) {
  const identity = await requireConsole("host");
  const { id } = await params;
  try {
    await hostedShow(identity, id);
  } catch (error) {
    // Another host's show is as invisible as a missing one.
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
  const summary = await getShow(id, null);
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
