import Link from "next/link";

export function CatalogHero() {
  return (
    <section
      aria-labelledby="hero-heading"
      className="relative mb-8 overflow-hidden rounded-3xl bg-gradient-to-br from-ember-800 via-ember-700 to-ember-500 px-6 py-8 text-white sm:px-10 sm:py-12"
    >
      <div aria-hidden="true" className="absolute -top-16 -right-10 size-64 rounded-full bg-white/15" />
      <div aria-hidden="true" className="absolute -bottom-24 right-32 size-48 rounded-full bg-amber-200/25" />
      <div className="relative max-w-xl">
        <p className="text-xs font-bold tracking-[0.2em] text-ember-50/90 uppercase">Warm things, shown live</p>
        <h2 id="hero-heading" className="mt-2 text-3xl leading-tight font-extrabold text-white sm:text-4xl">
          Cozy goods for the cold months
        </h2>
        <p className="mt-3 text-ember-50">Mugs, knits, candles and pantry treats — picked by people, demoed on live shows, shipped warm.</p>
        <div className="mt-5 flex flex-wrap gap-3">
          <Link href="/shows" className="btn bg-white text-ember-800 hover:bg-ember-50">
            Watch a live show
          </Link>
          <Link href="/?inStock=true" className="btn border border-white/60 text-white hover:bg-white/10">
            Shop what&apos;s in stock
          </Link>
        </div>
      </div>
    </section>
  );
}
