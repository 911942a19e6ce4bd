import { z } from "zod";
import { addToCartSchema, cartSchema, setQuantitySchema } from "@/server/cart/cart";
import type { ApiOperation } from "@/server/http/openapi";

const line = z.object({ id: z.string().describe("The cart line's id") });

export const cartApi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/cart",
    tag: "Cart",
    summary: "The caller's cart",
    description:
      "`count` is the number of units (what the header badge shows). A flash-offer line has `offerClaimId`, its offer price in `unitPriceCents` and `reservedUntil`; once that time has passed the line is dropped at checkout.",
    access: "visitor",
    responses: { 200: { description: "The cart", schema: cartSchema } },
  },
  {
    method: "post",
    path: "/api/cart",
    tag: "Cart",
    summary: "Add units of a product",
    description: "Adds to the product's one plain line (flash-offer lines stay separate). Stock is checked against everything already in the cart.",
    access: "visitor",
    body: addToCartSchema,
    responses: {
      201: { description: "The updated cart", schema: cartSchema },
      400: { description: "Invalid input; `field` names it" },
      404: { description: "No such product, or it is archived (`field: productId`)" },
      409: { description: "OUT_OF_STOCK: the message says how many are left" },
    },
  },
  {
    method: "patch",
    path: "/api/cart/items/{id}",
    tag: "Cart",
    summary: "Change a line's quantity",
    access: "visitor",
    params: line,
    body: setQuantitySchema,
    responses: {
      200: { description: "The updated cart", schema: cartSchema },
      400: { description: "Invalid quantity" },
      404: { description: "Not a line of the caller's cart" },
      409: { description: "OUT_OF_STOCK, or CONFLICT for a flash-offer line (its quantity is fixed)" },
    },
  },
  {
    method: "delete",
    path: "/api/cart/items/{id}",
    tag: "Cart",
    summary: "Remove a line",
    description: "Removing a flash-offer line releases its reserved units back into stock.",
    access: "visitor",
    params: line,
    responses: { 200: { description: "The updated cart", schema: cartSchema }, 404: { description: "Not a line of the caller's cart" } },
  },
];
