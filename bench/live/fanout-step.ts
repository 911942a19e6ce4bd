import { availableParallelism } from "node:os";
import { Histogram, type LatencySummary } from "../lib/histogram";
import type { LightSocket } from "../lib/light-socket";
import { paced } from "../lib/pace";
import { cpuWindow, machineBusy } from "../lib/proc-stats";
import { stamp, type StampTally } from "../lib/stamp";
import { waitUntil } from "../lib/swarm";
import { ackOutcome, LIVE_EVENTS, sendPayload } from "./adapter";

export interface StepInput {
  tag: number;
  /** Messages per second from the senders, together. */
  rate: number;
  seconds: number;
  /** How many receivers count deliveries (the senders' own copies are not counted). */
  receivers: number;
  senders: LightSocket[];
  showId: string;
  /** Filler after the stamp, so a message is as long as a real chat line. */
  filler: string;
  tally: StampTally;
  serverPids: number[];
  deadline: number;
  /** How long to wait after the last send for deliveries still on their way. */
  drainMs: number;
  p99LimitMs: number;
}

export interface StepResult {
  tag: number;
  rate: number;
  achievedRate: number;
  sent: number;
  expected: number;
  received: number;
  lost: number;
  deliveriesPerSec: number;
  latency: LatencySummary;
  ackP99Ms: number;
  ackErrors: Record<string, number>;
  serverCores: number;
  serverUsPerDelivery: number;
  generatorCores: number;
  generatorUsPerDelivery: number;
  othersCores: number;
  passed: boolean;
}

/** One message rate held for `seconds`: how many deliveries arrived, how late, at what CPU. */
export async function runFanoutStep(input: StepInput): Promise<StepResult> {
  const { tag, tally } = input;
  tally.open(tag);
  const ackLatency = new Histogram();
  const ackErrors: Record<string, number> = {};
  const acks: Promise<void>[] = [];
  const cpu = cpuWindow(input.serverPids);
  const busy = machineBusy();
  const started = performance.now();

  const pace = await paced(input.rate, input.seconds, input.deadline, (i) => {
    const sender = input.senders[i % input.senders.length]!;
    const sentAt = performance.now();
    const body = `${stamp(tag, sentAt)} ${input.filler}`;
    acks.push(
      sender.emitWithAck(LIVE_EVENTS.send, sendPayload(input.showId, body), 10_000).then(
        (ack) => {
          ackLatency.recordMs(performance.now() - sentAt);
          const outcome = ackOutcome(ack);
          if (outcome !== "OK") ackErrors[outcome] = (ackErrors[outcome] ?? 0) + 1;
        },
        () => void (ackErrors.ACK_TIMEOUT = (ackErrors.ACK_TIMEOUT ?? 0) + 1),
      ),
    );
  });

  const expected = pace.sent * input.receivers;
  await waitUntil(() => tally.count(tag) >= expected, input.drainMs);
  const window = cpu();
  const machineCores = busy() * availableParallelism();
  await Promise.all(acks);

  const received = tally.count(tag);
  // From the first send to the last arrival, but never shorter than the schedule itself.
  const spanMs = Math.max((pace.sent / input.rate) * 1000, (tally.lastArrival(tag) || performance.now()) - started);
  const latency = tally.histogram(tag).summary();
  const lost = Math.max(0, expected - received);
  return {
    tag,
    rate: input.rate,
    achievedRate: pace.achievedRate,
    sent: pace.sent,
    expected,
    received,
    lost,
    deliveriesPerSec: received / (spanMs / 1000),
    latency,
    ackP99Ms: ackLatency.quantileMs(0.99),
    ackErrors,
    serverCores: window.serverCores,
    serverUsPerDelivery: received ? window.serverCpuUs / received : NaN,
    generatorCores: window.generatorCores,
    generatorUsPerDelivery: received ? window.generatorCpuUs / received : NaN,
    othersCores: Math.max(0, machineCores - window.serverCores - window.generatorCores),
    passed: lost === 0 && Object.keys(ackErrors).length === 0 && latency.p99 <= input.p99LimitMs,
  };
}
