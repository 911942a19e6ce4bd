import { Suspense } from "react";
import { PlainSearchInput, SearchInput } from "@/components/layout/search-input";

/** A plain GET form to the catalog, so search works before (and without) JavaScript. */
export function SearchBox({ className = "" }: { className?: string }) {
  return (
    <form role="search" action="/" method="get" className={className}>
      <label htmlFor="site-search" className="sr-only">
        Search products
      </label>
      <div className="relative">
        <svg viewBox="0 0 20 20" aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3.5 size-4 -translate-y-1/2 text-cocoa-500">
          <path
            fill="currentColor"
            d="M8.5 2a6.5 6.5 0 0 1 5.2 10.4l3.95 3.95a.75.75 0 1 1-1.06 1.06l-3.95-3.95A6.5 6.5 0 1 1 8.5 2Zm0 1.5a5 5 0 1 0 0 10 5 5 0 0 0 0-10Z"
          />
        </svg>
        <Suspense fallback={<PlainSearchInput />}>
          <SearchInput />
        </Suspense>
      </div>
    </form>
  );
}
