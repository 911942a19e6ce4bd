import Link from "next/link";

/** Page numbers to show: the first, the last, and two on each side of the current one. */
export function pageList(current: number, total: number): (number | "gap")[] {
  const pages: (number | "gap")[] = [];
  for (let p = 1; p <= total; p++) {
    if (p === 1 || p === total || Math.abs(p - current) <= 2) pages.push(p);
    else if (pages.at(-1) !== "gap") pages.push("gap");
  }
  return pages;
}

export function Pagination({ page, totalPages, href }: { page: number; totalPages: number; href: (page: number) => string }) {
  if (totalPages <= 1) return null;
  const step = "rounded-full border border-sand-300 bg-white px-3 py-1.5 text-sm font-medium text-cocoa-800 hover:border-ember-300 hover:bg-ember-50";
  return (
    <nav aria-label="Pagination" className="mt-10 flex flex-wrap items-center justify-center gap-2">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={step}>
          ← Previous
        </Link>
      ) : null}
      <ul className="flex items-center gap-1">
        {pageList(page, totalPages).map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-cocoa-500">
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                href={href(p)}
                aria-current={p === page ? "page" : undefined}
                aria-label={`Page ${p}`}
                className={`flex size-9 items-center justify-center rounded-full text-sm font-semibold ${p === page ? "bg-cocoa-900 text-white" : "text-cocoa-700 hover:bg-sand-100"}`}
              >
                {p}
              </Link>
            </li>
          ),
        )}
      </ul>
      {page < totalPages ? (
        <Link href={href(page + 1)} rel="next" className={step}>
          Next →
        </Link>
      ) : null}
    </nav>
  );
}
