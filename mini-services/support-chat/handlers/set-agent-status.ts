import { setAgentStatusSchema, type AgentStatusResult } from "@/realtime/support-chat";
import { defineHandler, requireRole } from "@/server/service/define-handler";
import { readQueue } from "@/server/support/queue";
import { runtime } from "../runtime";

export default defineHandler({
  event: "set_agent_status",
  schema: setAgentStatusSchema,
  async handle(ctx, { status }): Promise<AgentStatusResult> {
    const agent = requireRole(ctx, "AGENT");
    const { presence, queueChanged } = runtime();
    await presence.set(agent.sub, ctx.socket.id, status);
    queueChanged({ agents: [agent.sub] });
    // The caller starts from the whole queue; other agents hear only that this agent changed.
    return { status, queue: await readQueue(await presence.statuses()) };
  },
});
