import { ensureIdentity } from "@/server/auth/session";
import { removeLine, setLineQuantity, setQuantitySchema } from "@/server/cart/cart";
import { json, readJson, route } from "@/server/http/route";

export const PATCH = route<{ id: string }>(async (req, { params }) => {
  const input = await readJson(req, setQuantitySchema);
  const identity = await ensureIdentity();
  return json(await setLineQuantity(identity.sub, params.id, input));
});

export const DELETE = route<{ id: string }>(async (_req, { params }) => json(await removeLine((await ensureIdentity()).sub, params.id)));
