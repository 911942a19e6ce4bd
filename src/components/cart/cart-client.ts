import type { Cart } from "@/server/cart/cart";
import { requestJson } from "@/components/cart/request-json";

/** Every cart change announces itself on window, so the header badge (and any open cart) follow. */
export const CART_CHANGED_EVENT = "calor:cart-changed";

export type CartChangedEvent = CustomEvent<Cart | undefined>;

export function announceCartChanged(cart?: Cart): void {
  window.dispatchEvent(new CustomEvent(CART_CHANGED_EVENT, { detail: cart }));
}

async function mutate(url: string, method: string, body?: unknown): Promise<Cart> {
  const cart = await requestJson<Cart>(url, { method, body });
  announceCartChanged(cart);
  return cart;
}

export const fetchCart = () => requestJson<Cart>("/api/cart");
export const addToCart = (productId: string, quantity: number) => mutate("/api/cart", "POST", { productId, quantity });
export const setLineQuantity = (lineId: string, quantity: number) => mutate(`/api/cart/items/${encodeURIComponent(lineId)}`, "PATCH", { quantity });
export const removeLine = (lineId: string) => mutate(`/api/cart/items/${encodeURIComponent(lineId)}`, "DELETE");
