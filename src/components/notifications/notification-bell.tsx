"use client";

// Placeholder owned by the notifications work (issue 6): the header's notification centre.
export function NotificationBell() {
  return null;
}
