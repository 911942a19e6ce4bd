import Link from "next/link";
import { LockIcon } from "@/components/layout/icons";
import { roleLabel } from "@/components/layout/role-links";
import { currentIdentity } from "@/server/auth/session";
import { consoles, type ConsoleName } from "@/server/auth/page-guard";

/** What a visitor sees at a console they may not enter (rendered with a 401 or 403). */
export async function ConsoleDenied({ name }: { name: ConsoleName }) {
  const target = consoles[name];
  const identity = await currentIdentity();
  const account = identity && identity.role !== "GUEST" ? identity : null;
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center gap-4 px-4 py-16 text-center">
      <span className="flex size-14 items-center justify-center rounded-2xl bg-ember-100 text-ember-700">
        <LockIcon className="size-7" />
      </span>
      <h1 className="text-2xl font-bold">{target.title}</h1>
      <p className="text-lg text-cocoa-800">{`This console is for ${target.audience}. Sign in with ${target.article} account.`}</p>
      {account && (
        <p className="text-sm text-cocoa-600">
          You are signed in as <strong>{account.name}</strong> ({roleLabel[account.role].toLowerCase()}).
        </p>
      )}
      <div className="mt-2 flex flex-wrap justify-center gap-3">
        <Link href={`/login?next=/${name}`} className="btn-primary">
          {account ? "Sign in with another account" : "Sign in"}
        </Link>
        <Link href="/" className="btn-secondary">
          Back to the shop
        </Link>
      </div>
    </div>
  );
}
