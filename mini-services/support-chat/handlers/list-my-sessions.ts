import { emptySchema, type SessionView } from "@/realtime/support-chat";
import { hasRole } from "@/server/auth/tokens";
import { defineHandler, requireUser } from "@/server/service/define-handler";
import { listMySessions } from "@/server/support/sessions";

export default defineHandler({
  event: "list_my_sessions",
  schema: emptySchema,
  handle(ctx): Promise<SessionView[]> {
    const user = requireUser(ctx);
    return listMySessions(user, hasRole(user, "AGENT"));
  },
});
