import type { Metadata } from "next";
import { ConsoleShell } from "@/components/layout/console-shell";
import { requireConsole } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminConsolePage() {
  const identity = await requireConsole("admin");
  return (
    <ConsoleShell title="Admin" intro={`Signed in as ${identity.name}`}>
      <p className="card p-6 text-cocoa-700">Coming soon. Products, stock and orders will be managed here.</p>
    </ConsoleShell>
  );
}
