export interface AgentLoad {
  status: "online" | "away" | "offline";
  activeChats: number;
  maxChats: number;
}

/**
 * Minutes until the shopper at `position` (1 = next) is likely taken: the first ones fill the
 * free seats of online agents at once; the rest wait for chats to end, which takes
 * `handleMinutes` each and happens across every seat. null when nobody is online.
 */
export function estimateWaitMinutes(position: number, agents: AgentLoad[], handleMinutes: number): number | null {
  const online = agents.filter((a) => a.status === "online");
  if (!online.length) return null;
  const seats = online.reduce((n, a) => n + Math.max(1, a.maxChats), 0);
  const free = online.reduce((n, a) => n + Math.max(0, a.maxChats - a.activeChats), 0);
  if (position <= free) return 1;
  return Math.max(1, Math.ceil(((position - free) * handleMinutes) / seats));
}
