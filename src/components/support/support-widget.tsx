"use client";

// Placeholder owned by the support-chat work (issue 4): the chat widget on every storefront page.
export function SupportWidget() {
  return null;
}
