import Link from "next/link";
import { CatalogFilters } from "@/components/catalog/catalog-filters";
import { Pagination } from "@/components/catalog/pagination";
import { ProductCard } from "@/components/catalog/product-card";
import { SortSelect } from "@/components/catalog/sort-select";
import { CatalogHero } from "@/components/catalog/catalog-hero";
import { CupIcon } from "@/components/layout/icons";
import { catalogSearch, parseCatalogParams } from "@/server/catalog/catalog-query";
import { listCategories } from "@/server/catalog/list-categories";
import { listProducts } from "@/server/catalog/list-products";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CatalogPage({ searchParams }: { searchParams: SearchParams }) {
  const { query, ignored } = parseCatalogParams(await searchParams);
  const [result, categories] = await Promise.all([listProducts(query), listCategories()]);
  const category = categories.find((c) => c.slug === query.category);
  const filtered = !!(query.q || query.category || query.minPrice !== undefined || query.maxPrice !== undefined || query.inStock);
  const heading = query.q ? `Results for “${query.q}”` : (category?.name ?? "All products");
  const catalogEmpty = categories.every((c) => c.productCount === 0);

  return (
    <div className="mx-auto max-w-7xl px-4 pt-6 sm:px-6">
      {!filtered && query.page === 1 && <CatalogHero />}
      <div className="gap-10 lg:grid lg:grid-cols-[14rem_1fr]">
        <aside aria-label="Filters" className="mb-6 lg:mb-0">
          <CatalogFilters query={query} categories={categories} />
        </aside>
        <section aria-labelledby="results-heading">
          <div className="mb-5 flex flex-wrap items-end justify-between gap-3 border-b border-sand-200 pb-4">
            <div>
              <h1 id="results-heading" className="text-2xl font-bold sm:text-3xl">
                {heading}
              </h1>
              <p className="mt-1 text-sm text-cocoa-600" aria-live="polite">
                {result.total === 1 ? "1 product" : `${result.total} products`}
                {result.totalPages > 1 && ` · page ${result.page} of ${result.totalPages}`}
              </p>
            </div>
            <SortSelect query={query} />
          </div>

          {ignored.length > 0 && (
            <p role="status" className="mb-5 rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
              We ignored {ignored.length === 1 ? "a filter" : "some filters"} we did not understand ({ignored.join(", ")}).
            </p>
          )}

          {result.items.length > 0 ? (
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-5 xl:grid-cols-4">
              {result.items.map((product, i) => (
                <li key={product.id} className="flex">
                  <ProductCard product={product} priority={i < 4} />
                </li>
              ))}
            </ul>
          ) : (
            <EmptyResults
              catalogEmpty={catalogEmpty}
              filtered={filtered}
              firstPage={result.total > 0 ? `/${catalogSearch({ ...query, page: 1 })}` : null}
              query={query.q}
            />
          )}

          <Pagination page={result.page} totalPages={result.totalPages} href={(page) => `/${catalogSearch({ ...query, page })}`} />
        </section>
      </div>
    </div>
  );
}

/** No products to show: an empty shop, a search or filters that match nothing, or a page past the last. */
function EmptyResults({ catalogEmpty, filtered, firstPage, query }: { catalogEmpty: boolean; filtered: boolean; firstPage: string | null; query?: string }) {
  const [title, body] = catalogEmpty
    ? ["The shelves are being stocked", "There are no products in the shop yet. Please come back soon."]
    : firstPage
      ? ["This page is empty", "There are fewer products than that."]
      : [query ? `Nothing matches “${query}”` : "No products match these filters", "Try a shorter search, another category, or fewer filters."];
  return (
    <div className="card flex flex-col items-center gap-3 px-6 py-14 text-center">
      <span className="flex size-14 items-center justify-center rounded-2xl bg-ember-100 text-ember-700">
        <CupIcon className="size-7" />
      </span>
      <h2 className="text-xl font-semibold">{title}</h2>
      <p className="max-w-md text-cocoa-600">{body}</p>
      {firstPage ? (
        <Link href={firstPage} className="btn-primary mt-2">
          Go to the first page
        </Link>
      ) : (
        filtered && (
          <Link href="/" className="btn-primary mt-2">
            Show all products
          </Link>
        )
      )}
    </div>
  );
}
