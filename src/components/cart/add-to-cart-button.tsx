"use client";

// Placeholder owned by the commerce work (issue 3): adds a product to the cart.
export function AddToCartButton(props: { productId: string; stock: number }) {
  void props;
  return null;
}
