import { clearSession } from "@/server/auth/session";
import { json, route } from "@/server/http/route";

export const POST = route(async () => {
  await clearSession();
  return json({ ok: true });
});
