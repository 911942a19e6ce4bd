import { setAgentStatusSchema, type AgentStatusResult } from "@/realtime/support-chat";
import { defineHandler, requireRole } from "@/server/service/define-handler";
import { runtime } from "../runtime";

export default defineHandler({
  event: "set_agent_status",
  schema: setAgentStatusSchema,
  async handle(ctx, { status }): Promise<AgentStatusResult> {
    const agent = requireRole(ctx, "AGENT");
    const { presence, publishQueue } = runtime();
    await presence.set(agent.sub, ctx.socket.id, status);
    return { status, queue: await publishQueue() };
  },
});
