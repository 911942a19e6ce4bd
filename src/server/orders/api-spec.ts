import { z } from "zod";
import { checkoutSchema } from "@/server/checkout/checkout-schema";
import { IDEMPOTENCY_HEADER, idempotencyKeySchema } from "@/server/checkout/idempotency";
import type { ApiOperation } from "@/server/http/openapi";
import { orderPageSchema, pageQuerySchema } from "@/server/orders/order-queries";
import { orderViewSchema } from "@/server/orders/order-view";

const order = z.object({ id: z.string().describe("The order's id") });

export const ordersApi: ApiOperation[] = [
  {
    method: "post",
    path: "/api/orders",
    tag: "Orders",
    summary: "Check out: turn the cart into a paid order",
    description: [
      "Stock is taken with conditional writes in the same transaction as the order, its lines, the emptied cart and the outbox rows (`order.created`, `inventory.updated`): never below zero, whatever the concurrency.",
      `**Idempotency.** \`${IDEMPOTENCY_HEADER}\` is required. The first request with a key runs; a retry with the same key and body gets the first response again (header \`Idempotent-Replayed: true\`); the same key with another body is a 422. A request arriving while the first one with its key is still running waits for it (up to 20 s) and replays its response, or gets a 409 if it is still running. A failed request changed nothing and releases its key, so it may be retried with the same key.`,
      "**Payment** is simulated: a card number ending in 0002 is declined (402, nothing created, cart kept).",
      "A flash-offer line whose reservation has expired is removed from the cart and the request is refused (409, `field: cart`) so the shopper can review the cart.",
    ].join("\n\n"),
    access: "account",
    headers: z.object({ [IDEMPOTENCY_HEADER]: idempotencyKeySchema.describe("A unique key per checkout attempt, e.g. a UUID") }),
    body: checkoutSchema,
    responses: {
      201: { description: "The order (status PAID)", schema: orderViewSchema },
      400: { description: "Missing Idempotency-Key, invalid address or card, or an empty cart; `field` names it" },
      401: { description: "Not signed in" },
      402: { description: "PAYMENT_DECLINED" },
      409: {
        description: "OUT_OF_STOCK naming the product and what is left; CONFLICT for an expired reservation, an archived product, or a key still in progress",
      },
      422: { description: "The Idempotency-Key was used with a different body" },
    },
  },
  {
    method: "get",
    path: "/api/orders",
    tag: "Orders",
    summary: "The caller's orders, newest first",
    access: "account",
    query: pageQuerySchema,
    responses: { 200: { description: "One page of orders", schema: orderPageSchema }, 401: { description: "Not signed in" } },
  },
  {
    method: "get",
    path: "/api/orders/{id}",
    tag: "Orders",
    summary: "One of the caller's orders, with its status timeline",
    access: "account",
    params: order,
    responses: {
      200: { description: "The order", schema: orderViewSchema },
      404: { description: "No such order among the caller's (another shopper's order is a 404 too)" },
    },
  },
  {
    method: "post",
    path: "/api/orders/{id}/cancel",
    tag: "Orders",
    summary: "Cancel one's own order while it is pending or paid",
    description: "Restores the stock in the same transaction; writes `order.updated`, `order.cancelled` and `inventory.updated`.",
    access: "account",
    params: order,
    responses: {
      200: { description: "The cancelled order", schema: orderViewSchema },
      404: { description: "No such order among the caller's" },
      409: { description: "The order is past PAID" },
    },
  },
];
