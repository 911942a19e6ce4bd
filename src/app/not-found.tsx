import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center gap-4 px-4 py-20 text-center">
      <p className="text-sm font-bold tracking-[0.2em] text-ember-700 uppercase">404</p>
      <h1 className="text-3xl font-extrabold">We couldn&apos;t find that page</h1>
      <p className="text-cocoa-600">It may have sold out and been retired, or the link has a typo.</p>
      <Link href="/" className="btn-primary">
        Back to the shop
      </Link>
    </div>
  );
}
