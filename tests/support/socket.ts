import { io, type Socket } from "socket.io-client";
import { TEST_ORIGIN } from "./env";

export interface ConnectOptions {
  token?: string;
  transports?: ("websocket" | "polling")[];
  origin?: string;
  query?: Record<string, string>;
  /** Source address on the loopback (127.0.0.x), to act as another client machine. */
  localAddress?: string;
  /** Extra handshake headers (e.g. a forged X-Forwarded-For). */
  headers?: Record<string, string>;
}

/** Connects and resolves once connected; rejects with the server's refusal. */
export function connect(url: string, options: ConnectOptions = {}): Promise<Socket> {
  const socket = io(url, {
    path: "/socket.io/",
    auth: options.token ? { token: options.token } : {},
    transports: options.transports ?? ["websocket"],
    extraHeaders: { ...options.headers, origin: options.origin ?? TEST_ORIGIN },
    query: options.query,
    // engine.io-client passes it on to the `ws` package in Node; its types leave it out.
    ...({ localAddress: options.localAddress } as object),
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** Emits with an acknowledgement and resolves with what the server acked. */
export function emitAck<T = unknown>(socket: Socket, event: string, ...args: unknown[]): Promise<T> {
  return socket.timeout(10_000).emitWithAck(event, ...args) as Promise<T>;
}

/** The next `event` (matching `where`, when given) the socket receives. */
export function nextEvent<T = unknown>(socket: Socket, event: string, where: (payload: T) => boolean = () => true, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!where(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Collects every `event` from now on, for asserting on exactly-once and order. */
export function collect<T = unknown>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}
