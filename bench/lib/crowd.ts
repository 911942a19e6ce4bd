import { Histogram } from "./histogram";
import { LightSocket } from "./light-socket";
import { errorSummary, mapLimit } from "./swarm";

export interface CrowdOptions {
  concurrency: number;
  deadlineMs: number;
  /** Stop early when more than this many fail: a server that refuses should not cost minutes. */
  maxErrors: number;
}

export interface Crowd {
  sockets: LightSocket[];
  /** Connect + namespace CONNECT + whatever `setup` awaits (the join ack), per socket. */
  readyLatency: Histogram;
  failures: number;
  errors: string[];
}

/**
 * Connects one light socket per token (in this order) and runs `setup` on each (join a room,
 * subscribe...), a bounded number at a time. A socket whose setup fails is closed and counted.
 */
export async function connectCrowd(
  url: string,
  tokens: (string | null)[],
  setup: (socket: LightSocket, index: number) => Promise<void>,
  options: CrowdOptions,
  prepare?: (socket: LightSocket, index: number) => void,
): Promise<Crowd> {
  const readyLatency = new Histogram();
  const { results, errors } = await mapLimit(
    tokens.length,
    options.concurrency,
    options.deadlineMs,
    async (index) => {
      const started = performance.now();
      const token = tokens[index];
      const socket = await LightSocket.connect(url, {
        ...(token ? { auth: { token } } : {}),
        prepare: prepare && ((s) => prepare(s, index)),
      });
      try {
        await setup(socket, index);
      } catch (error) {
        socket.close();
        throw error;
      }
      readyLatency.recordMs(performance.now() - started);
      return socket;
    },
    options.maxErrors,
  );
  const sockets = results.filter((s): s is LightSocket => s !== undefined);
  return { sockets, readyLatency, failures: tokens.length - sockets.length, errors: errorSummary(errors) };
}

export function closeAll(sockets: LightSocket[]): void {
  for (const socket of sockets) socket.close();
}
