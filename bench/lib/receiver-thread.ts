/**
 * One receiver thread (a Bun Worker) of bench/lib/receiver-threads.ts: connects its share of
 * light sockets, runs the setup event on each, then reads the stamp of every frame that arrives
 * and sends the latencies to the main thread in batches. Latencies are on the main thread's
 * clock: the sender stamps its own performance.now(), and this thread shifts its clock by the
 * difference of the two time origins.
 */
import { connectCrowd } from "./crowd";
import type { LightSocket } from "./light-socket";
import type { ReceiverCommand, ReceiverReport } from "./receiver-threads";
import { readStamp } from "./stamp";

declare const self: Worker;

const FLUSH_MS = 50;
const sockets: LightSocket[] = [];
const fields = { tag: 0, sentUs: 0 };
/** tag → latencies (ms) since the last flush, and the latest arrival (main clock). */
const batches = new Map<number, { latencies: number[]; lastAt: number }>();
let offsetMs = 0;
let sampleFrameBytes: number | undefined;

const post = (report: ReceiverReport) => self.postMessage(report);

function onFrame(frame: string): boolean {
  const now = performance.now() + offsetMs;
  if (!readStamp(frame, fields)) return true;
  sampleFrameBytes ??= Buffer.byteLength(frame);
  let batch = batches.get(fields.tag);
  if (!batch) batches.set(fields.tag, (batch = { latencies: [], lastAt: 0 }));
  batch.latencies.push(now - fields.sentUs / 1000);
  batch.lastAt = now;
  return true;
}

function flush() {
  for (const [tag, batch] of batches) post({ type: "samples", tag, latencies: batch.latencies, lastAt: batch.lastAt, sampleFrameBytes });
  batches.clear();
}
const timer = setInterval(flush, FLUSH_MS);

self.onmessage = async (event: MessageEvent<ReceiverCommand>) => {
  const command = event.data;
  if (command.type === "close") {
    clearInterval(timer);
    flush();
    for (const socket of sockets) socket.close();
    post({ type: "closed" });
    return;
  }
  offsetMs = performance.timeOrigin - command.mainTimeOrigin;
  const { setup } = command;
  const crowd = await connectCrowd(
    command.url,
    command.tokens,
    async (socket) => {
      const ack = await socket.emitWithAck<{ ok?: boolean; error?: { code?: string } }>(setup.event, setup.payload, 15_000);
      if (!ack?.ok) throw new Error(`${setup.event} refused: ${ack?.error?.code ?? "MALFORMED_ACK"}`);
      socket.onFrame = onFrame;
    },
    command.crowd,
  );
  sockets.push(...crowd.sockets);
  post({ type: "connected", ready: crowd.readyLatency.toData(), sockets: crowd.sockets.length, failures: crowd.failures, errors: crowd.errors });
};
