import { searchSessionsSchema, type SearchResult } from "@/realtime/support-chat";
import { defineHandler, requireRole } from "@/server/service/define-handler";
import { searchSessions } from "@/server/support/search";

export default defineHandler({
  event: "search_sessions",
  schema: searchSessionsSchema,
  handle(ctx, input): Promise<SearchResult> {
    return searchSessions(requireRole(ctx, "AGENT"), input);
  },
});
