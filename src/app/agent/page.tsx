import type { Metadata } from "next";
import { ConsoleShell } from "@/components/layout/console-shell";
import { AgentConsole } from "@/components/support/agent-console";
import { requireConsole } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Agent console" };

export default async function AgentConsolePage() {
  const identity = await requireConsole("agent");
  return (
    <ConsoleShell title="Agent console" intro={`Signed in as ${identity.name}`}>
      <AgentConsole me={{ id: identity.sub, name: identity.name }} />
    </ConsoleShell>
  );
}
