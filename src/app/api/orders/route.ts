import { requireAccount } from "@/server/auth/session";
import { checkoutSchema } from "@/server/checkout/checkout-schema";
import { IDEMPOTENCY_HEADER, readIdempotencyKey, requestHash, runIdempotent } from "@/server/checkout/idempotency";
import { placeOrder } from "@/server/checkout/place-order";
import { json, readJson, readQuery, route } from "@/server/http/route";
import { listOwnOrders, pageQuerySchema } from "@/server/orders/order-queries";

export const GET = route(async (req) => {
  const identity = await requireAccount();
  return json(await listOwnOrders(identity.sub, readQuery(req, pageQuerySchema)));
});

export const POST = route(async (req) => {
  const identity = await requireAccount();
  const key = readIdempotencyKey(req.headers.get(IDEMPOTENCY_HEADER));
  const input = await readJson(req, checkoutSchema);
  const result = await runIdempotent(identity.sub, key, requestHash(input), async (record) => ({
    status: 201,
    body: await placeOrder(identity.sub, input, record),
  }));
  return json(result.body, { status: result.status, headers: result.replayed ? { "Idempotent-Replayed": "true" } : undefined });
});
