import { ensureIdentity } from "@/server/auth/session";
import { addToCart, addToCartSchema, getCart } from "@/server/cart/cart";
import { json, readJson, route } from "@/server/http/route";

// Every browser gets an identity (a guest at first) so it can have a cart before signing in.
export const GET = route(async () => json(await getCart((await ensureIdentity()).sub)));

export const POST = route(async (req) => {
  const identity = await ensureIdentity();
  return json(await addToCart(identity.sub, await readJson(req, addToCartSchema)), 201);
});
