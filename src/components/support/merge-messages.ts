import type { MessageView } from "@/realtime/support-chat";

/** One message per seq, in seq order: a message heard twice (rejoin + live) is kept once. */
export function mergeMessages(current: MessageView[], incoming: MessageView[]): MessageView[] {
  if (!incoming.length) return current;
  const bySeq = new Map(current.map((m) => [m.seq, m]));
  for (const m of incoming) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

export const lastSeqOf = (messages: MessageView[]) => messages.at(-1)?.seq ?? 0;
