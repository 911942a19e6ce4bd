import { z } from "zod";
import { adminOrderQuerySchema, statusChangeSchema } from "@/server/admin/admin-orders";
import {
  adminProductPageSchema,
  adminProductQuerySchema,
  adminProductSchema,
  createProductSchema,
  stockAdjustmentSchema,
  stockAdjustmentViewSchema,
  updateProductSchema,
} from "@/server/admin/admin-products";
import type { ApiOperation } from "@/server/http/openapi";
import { orderPageSchema } from "@/server/orders/order-queries";
import { orderViewSchema } from "@/server/orders/order-view";

const id = z.object({ id: z.string() });
const denied = { 401: { description: "Not signed in" }, 403: { description: "Not an admin" } };

export const adminApi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/admin/products",
    tag: "Admin",
    summary: "All products, archived ones included",
    access: "ADMIN",
    query: adminProductQuerySchema,
    responses: { 200: { description: "One page of products", schema: adminProductPageSchema }, 400: { description: "Invalid filter" }, ...denied },
  },
  {
    method: "post",
    path: "/api/admin/products",
    tag: "Admin",
    summary: "Create a product",
    description: "Writes `product.created`. The slug is derived from the name.",
    access: "ADMIN",
    body: createProductSchema,
    responses: {
      201: { description: "The product", schema: adminProductSchema },
      400: { description: "Invalid input; `field` names it" },
      409: { description: "The SKU is taken (`field: sku`)" },
      ...denied,
    },
  },
  {
    method: "get",
    path: "/api/admin/products/{id}",
    tag: "Admin",
    summary: "One product",
    access: "ADMIN",
    params: id,
    responses: { 200: { description: "The product", schema: adminProductSchema }, 404: { description: "No such product" }, ...denied },
  },
  {
    method: "patch",
    path: "/api/admin/products/{id}",
    tag: "Admin",
    summary: "Edit a product, archive it or restore it",
    description: "Any subset of the fields; `status: ARCHIVED` hides it from the shop. Stock is not editable here (see /stock). Writes `product.updated`.",
    access: "ADMIN",
    params: id,
    body: updateProductSchema,
    responses: {
      200: { description: "The product", schema: adminProductSchema },
      400: { description: "Invalid input" },
      404: { description: "No such product" },
      ...denied,
    },
  },
  {
    method: "get",
    path: "/api/admin/products/{id}/stock",
    tag: "Admin",
    summary: "The product's latest stock adjustments",
    access: "ADMIN",
    params: id,
    responses: { 200: { description: "Newest first", schema: z.object({ items: z.array(stockAdjustmentViewSchema) }) }, ...denied },
  },
  {
    method: "post",
    path: "/api/admin/products/{id}/stock",
    tag: "Admin",
    summary: "Adjust stock with a reason",
    description: "Kept as a StockAdjustment row; writes `inventory.updated`. A removal larger than the stock is refused.",
    access: "ADMIN",
    params: id,
    body: stockAdjustmentSchema,
    responses: {
      200: { description: "The product", schema: adminProductSchema },
      400: { description: "Invalid input" },
      404: { description: "No such product" },
      409: { description: "Would go below zero (`field: delta`)" },
      ...denied,
    },
  },
  {
    method: "get",
    path: "/api/admin/orders",
    tag: "Admin",
    summary: "All orders, filtered",
    access: "ADMIN",
    query: adminOrderQuerySchema,
    responses: { 200: { description: "One page of orders", schema: orderPageSchema }, 400: { description: "Invalid filter; `field` names it" }, ...denied },
  },
  {
    method: "get",
    path: "/api/admin/orders/{id}",
    tag: "Admin",
    summary: "Any order",
    access: "ADMIN",
    params: id,
    responses: { 200: { description: "The order", schema: orderViewSchema }, 404: { description: "No such order" }, ...denied },
  },
  {
    method: "post",
    path: "/api/admin/orders/{id}/status",
    tag: "Admin",
    summary: "Move an order to its next status",
    description:
      "PENDING → PAID → PROCESSING → SHIPPED → DELIVERED; CANCELLED from PENDING, PAID or PROCESSING (restores stock); REFUNDED from DELIVERED. Writes `order.updated` (and `order.cancelled`).",
    access: "ADMIN",
    params: id,
    body: statusChangeSchema,
    responses: {
      200: { description: "The order", schema: orderViewSchema },
      400: { description: "Unknown status" },
      404: { description: "No such order" },
      409: { description: "The state machine does not allow this change; the message says what is possible" },
      ...denied,
    },
  },
];
