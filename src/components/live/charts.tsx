/**
 * Small SVG charts (no library): a line chart for values over time and a horizontal bar list.
 * Each has a text alternative; the numbers they draw are also on the page as text.
 */

export interface Line {
  label: string;
  /** A Tailwind stroke class, e.g. "stroke-ember-600". */
  className: string;
  values: number[];
}

const W = 320;
const H = 120;
const PAD = { top: 8, right: 8, bottom: 18, left: 30 };

export function LineChart({ lines, labels, title }: { lines: Line[]; labels: string[]; title: string }) {
  const n = Math.max(...lines.map((l) => l.values.length), 0);
  // An even top (at least 2) keeps the three gridline labels whole numbers.
  const max = Math.max(2, Math.ceil(Math.max(0, ...lines.flatMap((l) => l.values)) / 2) * 2);
  const x = (i: number) => PAD.left + (n <= 1 ? 0 : (i / (n - 1)) * (W - PAD.left - PAD.right));
  const y = (v: number) => PAD.top + (1 - v / max) * (H - PAD.top - PAD.bottom);
  const summary = lines.map((l) => `${l.label}: latest ${l.values.at(-1) ?? 0}, highest ${Math.max(0, ...l.values)}`).join("; ");
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs font-semibold text-cocoa-700">
        <span>{title}</span>
        {lines.length > 1 &&
          lines.map((l) => (
            <span key={l.label} className="inline-flex items-center gap-1 font-normal">
              <svg viewBox="0 0 10 10" className="size-2.5" aria-hidden="true">
                <line x1="0" y1="5" x2="10" y2="5" className={l.className} strokeWidth="3" />
              </svg>
              {l.label}
            </span>
          ))}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={`${title}. ${n ? summary : "No data yet"}`}>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(max * f)} y2={y(max * f)} className="stroke-sand-200" strokeWidth="1" />
            <text x={PAD.left - 4} y={y(max * f) + 3} textAnchor="end" className="fill-cocoa-500 text-[9px]">
              {Math.round(max * f)}
            </text>
          </g>
        ))}
        {n > 0 && (
          <>
            <text x={PAD.left} y={H - 4} className="fill-cocoa-500 text-[9px]">
              {labels[0]}
            </text>
            <text x={W - PAD.right} y={H - 4} textAnchor="end" className="fill-cocoa-500 text-[9px]">
              {labels[n - 1]}
            </text>
          </>
        )}
        {lines.map((l) =>
          l.values.length === 1 ? (
            <circle key={l.label} cx={x(0)} cy={y(l.values[0]!)} r="3" className={`${l.className} fill-white`} strokeWidth="2" />
          ) : (
            <polyline
              key={l.label}
              points={l.values.map((v, i) => `${x(i)},${y(v)}`).join(" ")}
              fill="none"
              className={l.className}
              strokeWidth="2"
              strokeLinejoin="round"
              strokeLinecap="round"
            />
          ),
        )}
        {n === 0 && (
          <text x={W / 2} y={H / 2} textAnchor="middle" className="fill-cocoa-500 text-[11px]">
            No data yet
          </text>
        )}
      </svg>
    </figure>
  );
}

export function BarList({
  rows,
  title,
  format = (v) => v.toLocaleString("en-US"),
}: {
  rows: { label: string; value: number }[];
  title: string;
  format?: (v: number) => string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <figure>
      <figcaption className="mb-2 text-xs font-semibold text-cocoa-700">{title}</figcaption>
      <ul className="space-y-1.5">
        {rows.map((r) => (
          <li key={r.label} className="grid grid-cols-[7rem_1fr_auto] items-center gap-2 text-xs">
            <span className="truncate text-cocoa-700">{r.label}</span>
            <span className="h-2.5 overflow-hidden rounded-full bg-sand-100" aria-hidden="true">
              <span className="block h-full rounded-full bg-ember-500" style={{ width: `${(r.value / max) * 100}%` }} />
            </span>
            <span className="font-semibold tabular-nums">{format(r.value)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
