/**
 * Latency histogram in microseconds with HdrHistogram-style log-linear buckets: exact below
 * 2,048 µs, within 0.1 % above, fixed memory (22,528 counters), O(1) record — cheap enough to
 * call once per delivery for hundreds of thousands of deliveries per second.
 */
const SUB_BUCKETS = 2048;
const HALF = SUB_BUCKETS / 2;
const MAX_SHIFT = 20; // values up to 2^31 µs (~35 min)
const SIZE = SUB_BUCKETS + MAX_SHIFT * HALF;
const MAX_VALUE = 2 ** 31 - 1;

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** A histogram as plain data, to cross a thread boundary (postMessage). */
export interface HistogramData {
  counts: Float64Array;
  count: number;
  sum: number;
  maxUs: number;
}

export class Histogram {
  private counts: Float64Array = new Float64Array(SIZE);
  count = 0;
  private sum = 0;
  private maxUs = 0;

  /** Records one latency given in milliseconds (negative clock skew counts as 0). */
  recordMs(ms: number): void {
    const us = ms <= 0 ? 0 : ms >= MAX_VALUE / 1000 ? MAX_VALUE : Math.round(ms * 1000);
    this.counts[indexOf(us)]!++;
    this.count++;
    this.sum += us;
    if (us > this.maxUs) this.maxUs = us;
  }

  merge(other: Histogram): void {
    for (let i = 0; i < SIZE; i++) this.counts[i]! += other.counts[i]!;
    this.count += other.count;
    this.sum += other.sum;
    if (other.maxUs > this.maxUs) this.maxUs = other.maxUs;
  }

  toData(): HistogramData {
    return { counts: this.counts, count: this.count, sum: this.sum, maxUs: this.maxUs };
  }

  static fromData(data: HistogramData): Histogram {
    const h = new Histogram();
    h.counts = data.counts;
    h.count = data.count;
    h.sum = data.sum;
    h.maxUs = data.maxUs;
    return h;
  }

  /** The value (ms) at or below which `q` (0..1) of the recordings fall. */
  quantileMs(q: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < SIZE; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.min(upperBound(i), this.maxUs) / 1000;
    }
    return this.maxUs / 1000;
  }

  summary(): LatencySummary {
    return {
      count: this.count,
      p50: this.quantileMs(0.5),
      p90: this.quantileMs(0.9),
      p99: this.quantileMs(0.99),
      max: this.count ? this.maxUs / 1000 : NaN,
      mean: this.count ? this.sum / this.count / 1000 : NaN,
    };
  }
}

function indexOf(us: number): number {
  if (us < SUB_BUCKETS) return us;
  const shift = 31 - Math.clz32(us) - 10; // us >> shift lies in [1024, 2047]
  return SUB_BUCKETS + (shift - 1) * HALF + ((us >>> shift) - HALF);
}

function upperBound(index: number): number {
  if (index < SUB_BUCKETS) return index;
  const k = index - SUB_BUCKETS;
  const shift = Math.floor(k / HALF) + 1;
  const sub = (k % HALF) + HALF;
  return (sub + 1) * 2 ** shift - 1;
}
