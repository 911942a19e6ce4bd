import type { Metadata } from "next";
import { ConsoleShell } from "@/components/layout/console-shell";
import { requireConsole } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Host console" };

export default async function HostConsolePage() {
  const identity = await requireConsole("host");
  return (
    <ConsoleShell title="Host console" intro={`Signed in as ${identity.name}`}>
      <p className="card p-6 text-cocoa-700">Coming soon. Run your live shows, feature products and moderate chat here.</p>
    </ConsoleShell>
  );
}
