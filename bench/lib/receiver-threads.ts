/**
 * Receivers spread over worker threads. One JavaScript thread reads WebSocket frames at about
 * 7 µs each, so a single-threaded generator cannot take more than ~140,000 deliveries/s however
 * cheap the server is; with the receivers on N threads the generator can use every core the
 * server leaves. Each thread (receiver-thread.ts) connects its share of the crowd and streams
 * per-delivery latencies back; they land in the caller's StampTally like frames read here.
 * Generator CPU (process.cpuUsage) counts every thread of the process.
 */
import type { CrowdOptions } from "./crowd";
import { Histogram, type HistogramData } from "./histogram";
import type { StampTally } from "./stamp";

export type ReceiverCommand =
  | {
      type: "connect";
      url: string;
      tokens: (string | null)[];
      /** Emitted with an ack on each socket once connected; the ack must be `{ ok: true }`. */
      setup: { event: string; payload: unknown };
      crowd: CrowdOptions;
      mainTimeOrigin: number;
    }
  | { type: "close" };

export type ReceiverReport =
  | { type: "connected"; ready: HistogramData; sockets: number; failures: number; errors: string[] }
  | { type: "samples"; tag: number; latencies: number[]; lastAt: number; sampleFrameBytes?: number }
  | { type: "closed" };

export interface ThreadCrowd {
  sockets: number;
  failures: number;
  errors: string[];
  readyLatency: Histogram;
}

export class ReceiverThreads {
  private workers: Worker[];
  private pending = new Map<Worker, (report: ReceiverReport) => void>();
  sampleFrameBytes: number | undefined;

  constructor(
    threads: number,
    private readonly tally: StampTally,
  ) {
    this.workers = Array.from({ length: threads }, () => {
      const worker = new Worker(new URL("./receiver-thread.ts", import.meta.url).href);
      worker.onmessage = (event: MessageEvent<ReceiverReport>) => this.receive(worker, event.data);
      return worker;
    });
  }

  /** Connects `tokens` split evenly over the threads (each with `crowd.concurrency` handshakes in flight). */
  async connect(url: string, tokens: (string | null)[], setup: { event: string; payload: unknown }, crowd: CrowdOptions): Promise<ThreadCrowd> {
    const share = Math.ceil(tokens.length / this.workers.length);
    const perThread = { ...crowd, concurrency: Math.max(1, Math.ceil(crowd.concurrency / this.workers.length)) };
    const reports = await Promise.all(
      this.workers.map((worker, i) =>
        this.ask(worker, {
          type: "connect",
          url,
          tokens: tokens.slice(i * share, (i + 1) * share),
          setup,
          crowd: perThread,
          mainTimeOrigin: performance.timeOrigin,
        }),
      ),
    );
    const result: ThreadCrowd = { sockets: 0, failures: 0, errors: [], readyLatency: new Histogram() };
    for (const report of reports) {
      if (report.type !== "connected") continue;
      result.sockets += report.sockets;
      result.failures += report.failures;
      result.errors.push(...report.errors);
      result.readyLatency.merge(Histogram.fromData(report.ready));
    }
    return result;
  }

  /** Closes every socket and ends the threads. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => Promise.race([this.ask(worker, { type: "close" }), new Promise((r) => setTimeout(r, 5000))])));
    for (const worker of this.workers) worker.terminate();
  }

  private ask(worker: Worker, command: ReceiverCommand): Promise<ReceiverReport> {
    return new Promise((resolve) => {
      this.pending.set(worker, resolve);
      worker.postMessage(command);
    });
  }

  private receive(worker: Worker, report: ReceiverReport): void {
    if (report.type === "samples") {
      this.sampleFrameBytes ??= report.sampleFrameBytes;
      for (const latency of report.latencies) this.tally.add(report.tag, latency, report.lastAt);
      return;
    }
    const resolve = this.pending.get(worker);
    this.pending.delete(worker);
    resolve?.(report);
  }
}
