import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { AuthForm } from "@/components/auth/auth-form";
import { safeNext } from "@/lib/safe-next";

export const metadata: Metadata = { title: "Create an account" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RegisterPage({ searchParams }: { searchParams: SearchParams }) {
  const next = safeNext((await searchParams).next);
  return (
    <AuthCard title="Create your CALOR account" intro="Track orders live, save your cart across devices, and RSVP to live shows.">
      <AuthForm mode="register" next={next} />
    </AuthCard>
  );
}
