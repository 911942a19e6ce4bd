import { currentIdentity, ensureIdentity } from "@/server/auth/session";
import { addToCart, addToCartSchema, emptyCart, getCart } from "@/server/cart/cart";
import { json, readJson, route } from "@/server/http/route";

/**
 * Reading needs no identity: a browser without one has an empty cart. Creating a guest here
 * would add one more first-load request racing the others that create guests (see the report).
 */
export const GET = route(async () => {
  const identity = await currentIdentity();
  return json(identity ? await getCart(identity.sub) : emptyCart());
});

// Every browser gets an identity (a guest at first) so it can have a cart before signing in.
export const POST = route(async (req) => {
  const input = await readJson(req, addToCartSchema);
  const identity = await ensureIdentity();
  return json(await addToCart(identity.sub, input), 201);
});
