import type { Metadata } from "next";
import { ConsoleShell } from "@/components/layout/console-shell";
import { requireConsole } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Agent console" };

export default async function AgentConsolePage() {
  const identity = await requireConsole("agent");
  return (
    <ConsoleShell title="Agent console" intro={`Signed in as ${identity.name}`}>
      <p className="card p-6 text-cocoa-700">Coming soon. Waiting shoppers and your open chats will appear here.</p>
    </ConsoleShell>
  );
}
