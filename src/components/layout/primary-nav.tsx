"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const links = [
  { href: "/", label: "Shop", match: (p: string) => p === "/" || p.startsWith("/products") },
  { href: "/shows", label: "Live shows", match: (p: string) => p.startsWith("/shows") },
  { href: "/help", label: "Help", match: (p: string) => p.startsWith("/help") },
];

export function PrimaryNav({ className = "" }: { className?: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Primary" className={className}>
      <ul className="flex items-center gap-1 overflow-x-auto text-sm font-medium">
        {links.map((link) => {
          const current = link.match(pathname);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`block rounded-full px-3 py-1.5 whitespace-nowrap transition-colors ${
                  current ? "bg-ember-100 text-ember-800" : "text-cocoa-700 hover:bg-sand-100 hover:text-cocoa-900"
                }`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
