import Link from "next/link";
import { CartBadge } from "@/components/cart/cart-badge";
import { AccountMenu } from "@/components/layout/account-menu";
import { BrandMark } from "@/components/layout/brand-mark";
import { ConnectionIndicator } from "@/components/layout/connection-indicator";
import { PrimaryNav } from "@/components/layout/primary-nav";
import { SearchBox } from "@/components/layout/search-box";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { currentIdentity } from "@/server/auth/session";

/** The header of every page; reads the session on the server so it renders signed-in state at once. */
export async function SiteHeader() {
  const identity = await currentIdentity();
  const account = identity && identity.role !== "GUEST" ? identity : null;
  return (
    <header className="sticky top-0 z-40 border-b border-sand-200 bg-sand-50/90 backdrop-blur supports-[backdrop-filter]:bg-sand-50/75">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6 lg:flex-nowrap lg:gap-x-6">
        <Link href="/" className="flex shrink-0 items-center gap-2 rounded-lg" aria-label="CALOR home">
          <BrandMark className="size-8" />
          <span className="font-[family-name:var(--font-display)] text-xl font-extrabold tracking-[0.18em] text-cocoa-900">CALOR</span>
        </Link>
        <PrimaryNav className="order-3 w-full lg:order-none lg:w-auto" />
        <SearchBox className="order-2 w-full sm:order-none sm:w-auto sm:flex-1 lg:max-w-md" />
        <div className="ml-auto flex items-center gap-1 sm:gap-2">
          <ConnectionIndicator />
          <NotificationBell />
          <CartBadge />
          <AccountMenu account={account ? { name: account.name, role: account.role } : null} />
        </div>
      </div>
    </header>
  );
}
