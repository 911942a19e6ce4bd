import { startSessionSchema, type SessionStarted } from "@/realtime/support-chat";
import { env } from "@/server/env";
import { defineHandler, requireUser } from "@/server/service/define-handler";
import { queuePositionOf } from "@/server/support/queue";
import { createSession } from "@/server/support/sessions";
import { isWithinSupportHours } from "@/server/support/support-hours";
import { shopperName, toSessionView } from "@/server/support/views";
import { welcomeMessage } from "@/server/support/welcome";
import { emitToSocket } from "../broadcast";
import { runtime } from "../runtime";
import { joinSession } from "../socket-state";

export default defineHandler({
  event: "start_session",
  schema: startSessionSchema,
  async handle(ctx, input): Promise<SessionStarted> {
    const user = requireUser(ctx);
    const { presence, queueChanged } = runtime();
    const config = env();
    const statuses = await presence.statuses();
    const inHours = isWithinSupportHours(new Date(), config.SUPPORT_HOURS, config.SUPPORT_TIMEZONE);
    const agentOnline = [...statuses.values()].includes("online");
    const created = await createSession(user, input, {
      offline: !inHours || !agentOnline,
      welcome: welcomeMessage({ inHours, agentOnline, hours: config.SUPPORT_HOURS, timeZone: config.SUPPORT_TIMEZONE }),
    });
    await joinSession(ctx.socket, created.session.id, "shopper", shopperName(created.session), false);
    const started: SessionStarted = {
      session: toSessionView(created.session),
      resumeToken: created.resumeToken,
      messages: created.messages,
      queue: await queuePositionOf(created.session, statuses),
    };
    emitToSocket(ctx, "session_started", started);
    queueChanged({ sessions: [created.session.id] });
    return started;
  },
});
