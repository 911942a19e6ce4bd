"use client";

// Placeholder owned by the notifications work (issue 6): live orders and stock alerts for admins.
export function AdminLiveFeed() {
  return null;
}
