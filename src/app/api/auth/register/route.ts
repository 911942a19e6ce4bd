import { currentIdentity, setSession } from "@/server/auth/session";
import { json, readJson, route } from "@/server/http/route";
import { register, registerSchema } from "@/server/identity/accounts";

export const POST = route(async (req) => {
  const identity = await register(await readJson(req, registerSchema), await currentIdentity());
  await setSession(identity);
  return json({ user: identity }, 201);
});
