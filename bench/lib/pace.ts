import { sleep } from "./swarm";

export interface PaceResult {
  sent: number;
  /** From the first send to the last. */
  elapsedMs: number;
  /** What the sender actually achieved (it falls behind when this process is saturated). */
  achievedRate: number;
}

/**
 * Calls `send(i)` `rate` times a second for `seconds` (count = rate × seconds), on schedule:
 * when the loop falls behind it catches up rather than drifting. Stops at the count or at
 * `deadline` (Date.now() value), whichever comes first.
 */
export async function paced(rate: number, seconds: number, deadline: number, send: (i: number) => void): Promise<PaceResult> {
  const total = Math.max(1, Math.round(rate * seconds));
  const start = performance.now();
  let sent = 0;
  while (sent < total && Date.now() < deadline) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
    for (; sent < due; sent++) send(sent);
    if (sent < total) await sleep(Math.max(0, start + (sent / rate) * 1000 - performance.now()));
  }
  const elapsedMs = Math.max(1, performance.now() - start);
  return { sent, elapsedMs, achievedRate: sent / Math.max(elapsedMs / 1000, sent / rate) };
}
