import Link from "next/link";
import type { ReactNode } from "react";
import { formatMoneyWhole } from "@/lib/money";
import { catalogSearch, type CatalogQuery } from "@/server/catalog/catalog-query";
import type { CategoryWithCount } from "@/server/catalog/list-categories";

const priceRanges: { min?: number; max?: number }[] = [{ max: 2499 }, { min: 2500, max: 4999 }, { min: 5000, max: 9999 }, { min: 10000 }];

const rangeLabel = ({ min, max }: { min?: number; max?: number }) =>
  min === undefined
    ? `Under ${formatMoneyWhole((max ?? 0) + 1)}`
    : max === undefined
      ? `${formatMoneyWhole(min)} & up`
      : `${formatMoneyWhole(min)} – ${formatMoneyWhole(max + 1)}`;

function Chip({ href, active, children }: { href: string; active: boolean; children: ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={active ? "true" : undefined}
      scroll={false}
      className={`flex items-center justify-between gap-3 rounded-full border px-3 py-1.5 text-sm whitespace-nowrap transition-colors lg:rounded-lg lg:border-transparent ${
        active
          ? "border-ember-600 bg-ember-600 font-semibold text-white lg:bg-ember-100 lg:text-ember-900"
          : "border-sand-300 bg-white text-cocoa-700 hover:border-ember-300 hover:bg-ember-50 lg:bg-transparent"
      }`}
    >
      {children}
    </Link>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div role="group" aria-labelledby={`filter-${title}`}>
      <h2 id={`filter-${title}`} className="mb-2 text-xs font-bold tracking-wider text-cocoa-600 uppercase">
        {title}
      </h2>
      <ul className="-mx-1 flex gap-2 overflow-x-auto px-1 pb-1 lg:flex-col lg:gap-0.5 lg:overflow-visible">{children}</ul>
    </div>
  );
}

/** Links, not a form: every filter is a shareable URL and works without JavaScript. */
export function CatalogFilters({ query, categories }: { query: CatalogQuery; categories: CategoryWithCount[] }) {
  const href = (change: Partial<CatalogQuery>) => `/${catalogSearch({ ...query, ...change, page: 1 })}`;
  const priceActive = (r: { min?: number; max?: number }) => query.minPrice === r.min && query.maxPrice === r.max;
  return (
    <div className="flex flex-col gap-5 lg:gap-7">
      <Group title="Category">
        <li>
          <Chip href={href({ category: undefined })} active={!query.category}>
            All
          </Chip>
        </li>
        {categories.map((c) => (
          <li key={c.id}>
            <Chip href={href({ category: c.slug })} active={query.category === c.slug}>
              <span>{c.name}</span>
              <span className="hidden text-xs opacity-70 lg:inline">{c.productCount}</span>
            </Chip>
          </li>
        ))}
      </Group>
      <Group title="Price">
        <li>
          <Chip href={href({ minPrice: undefined, maxPrice: undefined })} active={query.minPrice === undefined && query.maxPrice === undefined}>
            Any price
          </Chip>
        </li>
        {priceRanges.map((r) => (
          <li key={rangeLabel(r)}>
            <Chip href={href({ minPrice: r.min, maxPrice: r.max })} active={priceActive(r)}>
              {rangeLabel(r)}
            </Chip>
          </li>
        ))}
      </Group>
      <Group title="Availability">
        <li>
          <Chip href={href({ inStock: !query.inStock })} active={!!query.inStock}>
            <span className="flex items-center gap-2">
              <span
                aria-hidden="true"
                className={`flex size-4 items-center justify-center rounded border ${query.inStock ? "border-current" : "border-cocoa-500"}`}
              >
                {query.inStock ? "✓" : ""}
              </span>
              In stock only
            </span>
          </Chip>
        </li>
      </Group>
    </div>
  );
}
