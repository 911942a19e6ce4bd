import { BarList, LineChart } from "@/components/live/charts";
import { formatMoney } from "@/lib/money";
import type { ShowAnalytics } from "@/realtime/live-stream";

const minuteLabel = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return h ? `${h} h ${m} min` : m ? `${m} min` : `${seconds} s`;
}

const pct = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : "–");

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-xl bg-sand-50 px-3 py-2">
      <dt className="text-xs text-cocoa-600">{label}</dt>
      <dd className="text-lg font-bold tabular-nums" title={hint}>
        {value}
      </dd>
    </div>
  );
}

/** The numbers, the charts over time and the funnel per product: the live console and the report share it. */
export function AnalyticsPanel({ analytics, live = true, lastMinutes }: { analytics: ShowAnalytics; live?: boolean; lastMinutes?: number }) {
  const series = lastMinutes ? analytics.series.slice(-lastMinutes) : analytics.series;
  const labels = series.map((p) => minuteLabel(p.minute));
  const n = (v: number) => v.toLocaleString("en-US");
  return (
    <div className="flex flex-col gap-4" data-testid="analytics">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 xl:grid-cols-4">
        {live && <Stat label="Watching now" value={n(analytics.currentViewers)} />}
        <Stat label="Peak viewers" value={n(analytics.peakViewers)} />
        <Stat label="Unique viewers" value={n(analytics.uniqueViewers)} />
        <Stat label="Watch time" value={formatDuration(analytics.watchSeconds)} />
        <Stat label={live ? "Messages / min" : "Messages"} value={n(live ? analytics.messagesPerMinute : analytics.messages)} />
        <Stat label="Reactions" value={n(analytics.reactions)} />
        <Stat label="Product clicks" value={n(analytics.productClicks)} />
        <Stat label="Cart adds" value={n(analytics.cartAdds)} />
        <Stat label="Offer claims" value={n(analytics.offerClaims)} />
        <Stat label="Orders" value={n(analytics.orders)} />
        <Stat label="Revenue" value={formatMoney(analytics.revenueCents)} />
      </dl>
      <div className="grid gap-4 sm:grid-cols-2">
        <LineChart title="Viewers" labels={labels} lines={[{ label: "Viewers", className: "stroke-ember-600", values: series.map((p) => p.peakViewers) }]} />
        <LineChart
          title="Activity per minute"
          labels={labels}
          lines={[
            { label: "Messages", className: "stroke-cocoa-700", values: series.map((p) => p.messages) },
            { label: "Reactions", className: "stroke-amber-500", values: series.map((p) => p.reactions) },
            { label: "Clicks", className: "stroke-sky-600", values: series.map((p) => p.productClicks) },
            { label: "Claims", className: "stroke-emerald-600", values: series.map((p) => p.offerClaims) },
          ]}
        />
      </div>
      {analytics.products.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="mb-2 text-left text-xs font-semibold text-cocoa-700">Conversion per product: views → clicks → cart → purchases</caption>
            <thead className="text-xs text-cocoa-600">
              <tr>
                <th scope="col" className="py-1 pr-2 font-medium">
                  Product
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Views
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Clicks
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Cart
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  Bought
                </th>
                <th scope="col" className="py-1 pl-2 text-right font-medium">
                  Conversion
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-sand-200">
              {analytics.products.map((p) => (
                <tr key={p.productId}>
                  <th scope="row" className="max-w-40 truncate py-1.5 pr-2 font-medium">
                    {p.name}
                  </th>
                  <td className="px-2 text-right tabular-nums">{n(p.views)}</td>
                  <td className="px-2 text-right tabular-nums">{n(p.clicks)}</td>
                  <td className="px-2 text-right tabular-nums">{n(p.cartAdds)}</td>
                  <td className="px-2 text-right tabular-nums">{n(p.purchases)}</td>
                  <td className="pl-2 text-right tabular-nums">{pct(p.purchases, p.views)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!live && analytics.products.length > 0 && (
        <BarList title="Purchases by product" rows={analytics.products.map((p) => ({ label: p.name, value: p.purchases }))} />
      )}
    </div>
  );
}
