import { db } from "@/server/db/client";
import { hashOf, renderProductSvg } from "@/server/catalog/product-art";

/**
 * The product's generated picture. Unknown slugs still get a picture (with a 404), so a
 * product created a moment ago never shows a broken image.
 */
export async function GET(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  const product = await db().product.findUnique({ where: { slug }, select: { name: true, category: { select: { slug: true } } } });
  const svg = renderProductSvg({ slug, name: product?.name ?? slug.replace(/-/g, " "), categorySlug: product?.category.slug ?? null });
  const etag = `"${hashOf(svg).toString(36)}"`;
  const headers = {
    "content-type": "image/svg+xml; charset=utf-8",
    "cache-control": "public, max-age=3600, stale-while-revalidate=86400",
    etag,
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
  };
  if (product && req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(svg, { status: product ? 200 : 404, headers });
}
