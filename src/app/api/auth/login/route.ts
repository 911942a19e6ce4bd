import { currentIdentity, setSession } from "@/server/auth/session";
import { json, readJson, route } from "@/server/http/route";
import { credentialsSchema, login } from "@/server/identity/accounts";

export const POST = route(async (req) => {
  const identity = await login(await readJson(req, credentialsSchema), await currentIdentity());
  await setSession(identity);
  return json({ user: identity });
});
