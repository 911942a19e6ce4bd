import { Histogram } from "./histogram";

/**
 * A send time carried inside a message body: `~b<tag>.<µs since this process started>~`. It
 * survives whatever JSON the server wraps the body in, and a receiver finds it with one indexOf
 * and a digit loop — no JSON.parse per delivery. Sender and receivers live in this process, so
 * both read the same clock (performance.now()).
 */
export const stamp = (tag: number, atMs = performance.now()) => `~b${tag}.${Math.round(atMs * 1000)}~`;

const DOT = 46;
const TILDE = 126;

/**
 * Per-tag tallies of stamped frames as they arrive: count, latency histogram, last arrival.
 * A tag is a benchmark step (or anything the sender wants counted apart).
 */
export class StampTally {
  private hist: Histogram[] = [];
  private counts: number[] = [];
  private lastAt: number[] = [];

  open(tag: number): void {
    this.hist[tag] = new Histogram();
    this.counts[tag] = 0;
    this.lastAt[tag] = 0;
  }

  /** Feed it a raw frame; returns the tag it counted, or -1 for frames without a stamp. */
  readonly record = (frame: string): number => {
    const now = performance.now();
    const at = frame.indexOf("~b");
    if (at < 0) return -1;
    const end = frame.length;
    let p = at + 2;
    let tag = 0;
    let c = 0;
    while (p < end && (c = frame.charCodeAt(p++)) !== DOT) tag = tag * 10 + (c - 48);
    let sentUs = 0;
    while (p < end && (c = frame.charCodeAt(p++)) !== TILDE) sentUs = sentUs * 10 + (c - 48);
    const hist = this.hist[tag];
    if (c !== TILDE || !hist) return -1;
    hist.recordMs(now - sentUs / 1000);
    this.counts[tag]!++;
    this.lastAt[tag] = now;
    return tag;
  };

  count = (tag: number) => this.counts[tag] ?? 0;
  histogram = (tag: number) => this.hist[tag] ?? new Histogram();
  lastArrival = (tag: number) => this.lastAt[tag] ?? 0;
}
