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

/** Where a stamped frame's fields land (one object reused: no allocation per delivery). */
export interface StampFields {
  tag: number;
  sentUs: number;
}

/** Reads the stamp in a raw frame into `out`; false for frames without one. */
export function readStamp(frame: string, out: StampFields): boolean {
  const at = frame.indexOf("~b");
  if (at < 0) return false;
  const end = frame.length;
  let p = at + 2;
  let tag = 0;
  let c = 0;
  while (p < end && (c = frame.charCodeAt(p++)) !== DOT) tag = tag * 10 + (c - 48);
  let sentUs = 0;
  while (p < end && (c = frame.charCodeAt(p++)) !== TILDE) sentUs = sentUs * 10 + (c - 48);
  if (c !== TILDE) return false;
  out.tag = tag;
  out.sentUs = sentUs;
  return true;
}

/**
 * Per-tag tallies of stamped frames as they arrive: count, latency histogram, last arrival.
 * A tag is a benchmark step (or anything the sender wants counted apart).
 */
export class StampTally {
  private hist: Histogram[] = [];
  private counts: number[] = [];
  private lastAt: number[] = [];
  private fields: StampFields = { tag: 0, sentUs: 0 };

  open(tag: number): void {
    this.hist[tag] = new Histogram();
    this.counts[tag] = 0;
    this.lastAt[tag] = 0;
  }

  /** Feed it a raw frame; returns the tag it counted, or -1 for frames without a stamp. */
  readonly record = (frame: string): number => {
    const now = performance.now();
    const f = this.fields;
    if (!readStamp(frame, f) || !this.hist[f.tag]) return -1;
    this.add(f.tag, now - f.sentUs / 1000, now);
    return f.tag;
  };

  /** One delivery measured elsewhere (a receiver thread): its latency and arrival time (this clock). */
  add(tag: number, latencyMs: number, arrivedAt: number): void {
    const hist = this.hist[tag];
    if (!hist) return;
    hist.recordMs(latencyMs);
    this.counts[tag]!++;
    if (arrivedAt > this.lastAt[tag]!) this.lastAt[tag] = arrivedAt;
  }

  count = (tag: number) => this.counts[tag] ?? 0;
  histogram = (tag: number) => this.hist[tag] ?? new Histogram();
  lastArrival = (tag: number) => this.lastAt[tag] ?? 0;
}
