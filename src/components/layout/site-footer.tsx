import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-sand-200 bg-sand-100/60">
      <div className="mx-auto flex max-w-7xl flex-col gap-4 px-4 py-8 text-sm text-cocoa-600 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>
          <span className="font-bold tracking-[0.18em] text-cocoa-800">CALOR</span> — warm things for slow days, shown live.
        </p>
        <nav aria-label="Footer">
          <ul className="flex flex-wrap gap-x-5 gap-y-2">
            <li>
              <Link href="/shows" className="hover:text-ember-700">
                Live shows
              </Link>
            </li>
            <li>
              <Link href="/help" className="hover:text-ember-700">
                Help
              </Link>
            </li>
            <li>
              <Link href="/api/docs" className="hover:text-ember-700">
                API
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
