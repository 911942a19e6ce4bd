import { adminApi } from "@/server/admin/api-spec";
import { cartApi } from "@/server/cart/api-spec";
import { catalogApi } from "@/server/catalog/api-spec";
import { ApiRegistry } from "@/server/http/openapi";
import { identityApi } from "@/server/identity/api-spec";
import { liveApi } from "@/server/live/api-spec";
import { notificationsApi } from "@/server/notifications/api-spec";
import { ordersApi } from "@/server/orders/api-spec";

/** Every area adds its routes here with one `.add(...)`. */
const registry = new ApiRegistry({
  title: "CALOR storefront API",
  version: "1.0.0",
  description:
    "The REST API of the CALOR storefront. JSON in and out; errors are `{ error: { code, message, field? } }`; lists are paginated as `{ items, page, pageSize, total, totalPages }`. See docs/storefront-api.md.",
})
  .add(identityApi)
  .add(catalogApi)
  .add(cartApi)
  .add(ordersApi)
  .add(adminApi)
  .add(notificationsApi)
  .add(liveApi);

let cached: ReturnType<ApiRegistry["document"]> | undefined;
export const apiDocument = () => (cached ??= registry.document());
