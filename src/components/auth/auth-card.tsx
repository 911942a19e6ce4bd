import type { ReactNode } from "react";
import { BrandMark } from "@/components/layout/brand-mark";

export function AuthCard({ title, intro, children }: { title: string; intro: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto flex max-w-md flex-col px-4 py-10 sm:py-16">
      <div className="card p-6 sm:p-8">
        <BrandMark className="mb-4 size-10" />
        <h1 className="text-2xl font-bold">{title}</h1>
        <div className="mt-1 mb-6 text-sm text-cocoa-600">{intro}</div>
        {children}
      </div>
    </div>
  );
}
