import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { AuthForm } from "@/components/auth/auth-form";
import { safeNext } from "@/lib/safe-next";
import { currentIdentity } from "@/server/auth/session";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const next = safeNext((await searchParams).next);
  const identity = await currentIdentity();
  const signedIn = identity && identity.role !== "GUEST" ? identity : null;
  return (
    <AuthCard
      title="Welcome back"
      intro={
        signedIn ? (
          <>
            You are signed in as <strong className="text-cocoa-900">{signedIn.name}</strong>. Sign in below to switch accounts.
          </>
        ) : (
          "Sign in to see your orders and pick up where you left off. Your cart comes with you."
        )
      }
    >
      <AuthForm mode="login" next={next} />
    </AuthCard>
  );
}
