"use client";

import { useServiceSocket, type ConnectionStatus } from "@/realtime/use-service-socket";

const look: Record<ConnectionStatus, { dot: string; label: string }> = {
  connecting: { dot: "bg-amber-400 animate-pulse", label: "Connecting to live updates" },
  connected: { dot: "bg-emerald-500", label: "Live updates connected" },
  offline: { dot: "bg-stone-400", label: "Live updates offline, retrying" },
};

/** Whether this tab hears live updates (stock, orders): tests rely on data-status. */
export function ConnectionIndicator() {
  const { status } = useServiceSocket("notifications");
  const { dot, label } = look[status];
  return (
    <span
      data-testid="connection-indicator"
      data-status={status}
      role="status"
      title={label}
      className="inline-flex size-9 items-center justify-center rounded-full"
    >
      <span aria-hidden="true" className={`size-2.5 rounded-full ring-2 ring-white ${dot}`} />
      <span className="sr-only">{label}</span>
    </span>
  );
}
