import type { ReactNode } from "react";

/** A console page's frame: the console engineers fill the body. */
export function ConsoleShell({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-7xl px-4 pt-6 sm:px-6">
      <div className="mb-6 border-b border-sand-200 pb-4">
        <h1 className="text-2xl font-bold sm:text-3xl">{title}</h1>
        {intro && <p className="mt-1 text-sm text-cocoa-600">{intro}</p>}
      </div>
      {children}
    </div>
  );
}
