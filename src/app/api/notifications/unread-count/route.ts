import { currentIdentity } from "@/server/auth/session";
import { json, route } from "@/server/http/route";
import { unreadCount } from "@/server/notifications/centre";

export const GET = route(async () => {
  const identity = await currentIdentity();
  return json({ unreadCount: identity ? await unreadCount(identity.sub) : 0 }, { headers: { "cache-control": "no-store" } });
});
