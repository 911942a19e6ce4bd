"use client";

// Placeholder owned by the commerce work (issue 3): the header's cart link with its item count.
export function CartBadge() {
  return null;
}
