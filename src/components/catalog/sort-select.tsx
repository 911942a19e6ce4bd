"use client";

import Form from "next/form";
import type { CatalogQuery, CatalogSort } from "@/server/catalog/catalog-query";

const labels: Record<CatalogSort, string> = {
  newest: "Newest",
  "price-asc": "Price: low to high",
  "price-desc": "Price: high to low",
  name: "Name A–Z",
};

/** Submits on change; the other filters ride along as hidden fields, and paging restarts. */
export function SortSelect({ query }: { query: CatalogQuery }) {
  const keep = { q: query.q, category: query.category, minPrice: query.minPrice, maxPrice: query.maxPrice, inStock: query.inStock ? "true" : undefined };
  return (
    <Form action="/" scroll={false} className="flex items-center gap-2">
      {Object.entries(keep).map(([name, value]) => (value === undefined ? null : <input key={name} type="hidden" name={name} value={String(value)} />))}
      <label htmlFor="catalog-sort" className="text-sm text-cocoa-600">
        Sort by
      </label>
      <select
        id="catalog-sort"
        name="sort"
        defaultValue={query.sort}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
        className="rounded-full border border-sand-300 bg-white py-1.5 pr-8 pl-3 text-sm font-medium text-cocoa-800 focus:border-ember-500"
      >
        {Object.entries(labels).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="btn-secondary py-1.5">
          Sort
        </button>
      </noscript>
    </Form>
  );
}
