import { z } from "zod";

export const sortOptions = ["newest", "price-asc", "price-desc", "name"] as const;
export type CatalogSort = (typeof sortOptions)[number];

export const MAX_PAGE_SIZE = 48;
export const DEFAULT_PAGE_SIZE = 12;

const wholeNumber = { error: "must be a whole number" } as const;
const cents = z.coerce.number(wholeNumber).int(wholeNumber.error).min(0, "must be 0 or more").max(100_000_000, "is too large");

/**
 * The catalog's query, shared by GET /api/products and the home page: every value arrives as
 * a URL search-param string. Prices are integer cents.
 */
export const catalogQuerySchema = z
  .object({
    q: z.string().trim().max(100, "must be at most 100 characters").optional().describe("Text search in name, description and SKU"),
    category: z
      .string()
      .trim()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a category slug")
      .max(60, "must be a category slug")
      .optional()
      .describe("Category slug"),
    minPrice: cents.optional().describe("Lowest price, in cents"),
    maxPrice: cents.optional().describe("Highest price, in cents"),
    inStock: z.stringbool({ error: "must be true or false" }).optional().describe("true: only products with stock > 0"),
    sort: z.enum(sortOptions, { error: `must be one of ${sortOptions.join(", ")}` }).default("newest"),
    page: z.coerce.number(wholeNumber).int(wholeNumber.error).min(1, "must be 1 or more").max(10_000, "is too large").default(1),
    pageSize: z.coerce
      .number(wholeNumber)
      .int(wholeNumber.error)
      .min(1, "must be 1 or more")
      .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
      .default(DEFAULT_PAGE_SIZE),
  })
  .refine((q) => q.minPrice === undefined || q.maxPrice === undefined || q.minPrice <= q.maxPrice, {
    path: ["maxPrice"],
    message: "must not be below minPrice",
  });

export type CatalogQuery = z.output<typeof catalogQuerySchema>;
export type CatalogQueryInput = z.input<typeof catalogQuerySchema>;

type RawParams = Record<string, string | string[] | undefined>;

/** Search params as the schema expects them: the first of repeated keys, blanks dropped (an empty form field means "any"). */
export function normalizeParams(params: RawParams | URLSearchParams): Record<string, string> {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  const out: Record<string, string> = {};
  for (const [key, raw] of entries) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined && value.trim() !== "" && !(key in out)) out[key] = value;
  }
  return out;
}

/**
 * For pages: a shopper's hand-edited URL should still show a catalog, so fields that fail
 * validation are dropped (and reported) instead of failing the page. The API stays strict.
 */
export function parseCatalogParams(params: RawParams | URLSearchParams): { query: CatalogQuery; ignored: string[] } {
  const values = normalizeParams(params);
  const ignored: string[] = [];
  for (;;) {
    const result = catalogQuerySchema.safeParse(values);
    if (result.success) return { query: result.data, ignored };
    const field = String(result.error.issues[0]?.path[0] ?? "");
    if (!(field in values)) return { query: catalogQuerySchema.parse({}), ignored: [...ignored, ...Object.keys(values)] };
    ignored.push(field);
    delete values[field];
  }
}

/** The URL search string for a query, leaving out defaults so links stay short and canonical. */
export function catalogSearch(query: Partial<CatalogQuery>): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.category) params.set("category", query.category);
  if (query.minPrice !== undefined) params.set("minPrice", String(query.minPrice));
  if (query.maxPrice !== undefined) params.set("maxPrice", String(query.maxPrice));
  if (query.inStock) params.set("inStock", "true");
  if (query.sort && query.sort !== "newest") params.set("sort", query.sort);
  if (query.pageSize && query.pageSize !== DEFAULT_PAGE_SIZE) params.set("pageSize", String(query.pageSize));
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `?${search}` : "";
}
