"use client";

import { usePathname, useSearchParams } from "next/navigation";

const inputClass =
  "w-full rounded-full border border-sand-300 bg-white py-2 pr-4 pl-10 text-sm text-cocoa-900 placeholder:text-cocoa-500 focus:border-ember-500 focus:outline-2 focus:outline-offset-0 focus:outline-ember-200";

/** The header's search field; on the catalog it shows the current search. */
export function SearchInput() {
  const params = useSearchParams();
  const q = usePathname() === "/" ? (params.get("q") ?? "") : "";
  // Keyed by the query so a new search (or clearing it) resets the field.
  return <PlainSearchInput key={q} defaultValue={q} />;
}

export function PlainSearchInput({ defaultValue }: { defaultValue?: string }) {
  return (
    <input
      id="site-search"
      name="q"
      type="search"
      defaultValue={defaultValue}
      placeholder="Search mugs, throws, candles…"
      autoComplete="off"
      maxLength={100}
      className={inputClass}
    />
  );
}
