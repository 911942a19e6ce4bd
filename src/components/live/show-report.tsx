import { AnalyticsPanel, formatDuration } from "@/components/live/analytics-panel";
import type { ShowAnalytics } from "@/realtime/live-stream";
import type { ShowSummary } from "@/server/live/shows";

/** After the show: how it went, minute by minute and product by product. */
export function ShowReport({ summary, analytics }: { summary: ShowSummary; analytics: ShowAnalytics }) {
  const start = summary.startedAt ? new Date(summary.startedAt).getTime() : null;
  const end = new Date(summary.endedAt ?? analytics.at).getTime();
  const seconds = start ? Math.max(0, Math.round((end - start) / 1000)) : 0;
  const minutes = Math.max(1, seconds / 60);
  return (
    <div className="flex flex-col gap-6 pb-10">
      <p className="text-cocoa-700">
        {start ? `On air for ${formatDuration(seconds)}` : "This show never went live"} · {Math.round(analytics.messages / minutes)} messages per minute on
        average ·{" "}
        {analytics.uniqueViewers ? `${formatDuration(Math.round(analytics.watchSeconds / analytics.uniqueViewers))} watched per viewer` : "no viewers"}
      </p>
      <section className="card p-4 sm:p-6" aria-label="Show analytics">
        <AnalyticsPanel analytics={analytics} live={false} />
      </section>
    </div>
  );
}
