import { currentIdentity } from "@/server/auth/session";
import { json, readQuery, route } from "@/server/http/route";
import { emptyNotificationPage, listNotifications } from "@/server/notifications/centre";
import { pageQuerySchema } from "@/server/orders/order-queries";

export const GET = route(async (req) => {
  const query = readQuery(req, pageQuerySchema);
  const identity = await currentIdentity();
  return json(identity ? await listNotifications(identity.sub, query) : emptyNotificationPage(query), { headers: { "cache-control": "no-store" } });
});
