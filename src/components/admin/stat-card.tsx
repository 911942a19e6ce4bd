import Link from "next/link";

export function StatCard({ label, value, href, tone = "plain" }: { label: string; value: string; href?: string; tone?: "plain" | "warn" }) {
  const body = (
    <>
      <p className="text-sm font-medium text-cocoa-700">{label}</p>
      <p className={`mt-1 text-2xl font-bold tabular-nums sm:text-3xl ${tone === "warn" ? "text-amber-800" : "text-cocoa-900"}`}>{value}</p>
    </>
  );
  return href ? (
    <Link href={href} className="card block p-4 hover:border-ember-300 sm:p-5">
      {body}
    </Link>
  ) : (
    <div className="card p-4 sm:p-5">{body}</div>
  );
}
