import { requireRole } from "@/server/auth/session";
import { json, route } from "@/server/http/route";
import { showAnalytics } from "@/server/live/analytics";
import { hostedShow } from "@/server/live/shows";

export const GET = route<{ id: string }>(async (_req, { params }) => {
  await hostedShow(await requireRole("HOST"), params.id);
  return json(await showAnalytics(params.id));
});
