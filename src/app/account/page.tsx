import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { consoleLinks, roleLabel } from "@/components/layout/role-links";
import { currentIdentity } from "@/server/auth/session";
import { accountProfile } from "@/server/identity/account-profile";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const identity = await currentIdentity();
  const profile = identity && identity.role !== "GUEST" ? await accountProfile(identity.sub) : null;
  if (!profile) redirect("/login?next=/account");
  const rows: [string, string][] = [
    ["Name", profile.name],
    ["Email", profile.email ?? "—"],
    ["Role", roleLabel[profile.role]],
    ["Member since", profile.memberSince.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric" })],
  ];
  return (
    <div className="mx-auto max-w-2xl px-4 pt-8 sm:px-6">
      <h1 className="text-3xl font-bold">Your account</h1>
      <section aria-labelledby="profile-heading" className="card mt-6 p-6">
        <h2 id="profile-heading" className="sr-only">
          Profile
        </h2>
        <dl className="grid gap-4 sm:grid-cols-[10rem_1fr]">
          {rows.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="text-sm font-semibold text-cocoa-600">{term}</dt>
              <dd className="text-cocoa-900">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="places-heading" className="mt-6">
        <h2 id="places-heading" className="mb-3 text-lg font-semibold">
          Your places
        </h2>
        <ul className="flex flex-wrap gap-3">
          <li>
            <Link href="/orders" className="btn-secondary">
              Orders ({profile.orderCount})
            </Link>
          </li>
          {consoleLinks(profile.role).map((link) => (
            <li key={link.href}>
              <Link href={link.href} className="btn-secondary">
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <div className="mt-8 border-t border-sand-200 pt-6">
        <SignOutButton />
      </div>
    </div>
  );
}
