"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId } from "react";
import { useDropdown } from "@/components/layout/use-dropdown";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { consoleLinks, roleLabel } from "@/components/layout/role-links";
import type { Role } from "@/server/auth/tokens";

interface Props {
  account: { name: string; role: Role } | null;
}

/** Where a sign-in should return to: here, unless "here" is an auth page. */
const returnPath = (pathname: string) => (pathname === "/login" || pathname === "/register" ? "/" : pathname);

export function AccountMenu({ account }: Props) {
  const pathname = usePathname();
  const { open, toggle, root } = useDropdown();
  const menuId = useId();

  if (!account) {
    const next = encodeURIComponent(returnPath(pathname));
    return (
      <div className="flex items-center gap-1">
        <Link href={`/login?next=${next}`} className="rounded-full px-3 py-2 text-sm font-semibold text-cocoa-800 hover:bg-sand-100">
          Sign in
        </Link>
        <Link
          href={`/register?next=${next}`}
          className="hidden rounded-full bg-cocoa-900 px-4 py-2 text-sm font-semibold text-white hover:bg-cocoa-800 sm:inline-block"
        >
          Register
        </Link>
      </div>
    );
  }

  const item = "block rounded-lg px-3 py-2 text-sm text-cocoa-800 hover:bg-sand-100 focus-visible:bg-sand-100";
  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={`Account menu for ${account.name}`}
        onClick={toggle}
        className="flex items-center gap-2 rounded-full py-1 pr-2 pl-1 hover:bg-sand-100"
      >
        <span aria-hidden="true" className="flex size-8 items-center justify-center rounded-full bg-ember-100 text-sm font-bold text-ember-800">
          {account.name.trim().charAt(0).toUpperCase() || "?"}
        </span>
        <span className="hidden max-w-32 truncate text-sm font-semibold text-cocoa-800 md:inline">{account.name}</span>
        <svg viewBox="0 0 20 20" aria-hidden="true" className="hidden size-4 text-cocoa-500 md:block">
          <path
            fill="currentColor"
            d="M5.2 7.2a.75.75 0 0 1 1.06 0L10 10.94l3.74-3.74a.75.75 0 1 1 1.06 1.06l-4.27 4.27a.75.75 0 0 1-1.06 0L5.2 8.26a.75.75 0 0 1 0-1.06Z"
          />
        </svg>
      </button>
      <div id={menuId} hidden={!open} className="absolute right-0 mt-2 w-60 rounded-2xl border border-sand-200 bg-white p-2 shadow-lg">
        <p className="px-3 pt-1 pb-2 text-xs text-cocoa-600">
          Signed in as <span className="font-semibold text-cocoa-900">{account.name}</span>
          <span className="ml-1 rounded-full bg-sand-100 px-2 py-0.5 text-[11px] font-medium">{roleLabel[account.role]}</span>
        </p>
        <nav aria-label="Account">
          <ul className="border-t border-sand-100 pt-1">
            <li>
              <Link href="/account" className={item}>
                Your account
              </Link>
            </li>
            <li>
              <Link href="/orders" className={item}>
                Orders
              </Link>
            </li>
            {consoleLinks(account.role).map((link) => (
              <li key={link.href}>
                <Link href={link.href} className={item}>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="mt-1 border-t border-sand-100 pt-1">
          <SignOutButton className={`${item} w-full text-left disabled:opacity-60`} />
        </div>
      </div>
    </div>
  );
}
