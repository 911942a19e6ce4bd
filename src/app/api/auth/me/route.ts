import { ensureIdentity } from "@/server/auth/session";
import { json, route } from "@/server/http/route";

export const GET = route(async () => json({ user: await ensureIdentity() }));
