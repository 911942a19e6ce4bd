/**
 * A deliberately small Socket.IO client: engine.io v4 / socket.io v5 text frames over one raw
 * WebSocket, namespace "/" only, no reconnection, no binary. The load generator shares the two
 * cores with the server, so thousands of these must cost as little as possible per frame:
 * receivers on the hot path get the raw frame (`onFrame`) and pick out what they need with
 * indexOf instead of parsing JSON.
 */

type Listener = (...args: unknown[]) => void;

export interface LightSocketOptions {
  /** Sent as the CONNECT packet's payload (`40{...}`), e.g. `{ token }`. */
  auth?: Record<string, unknown>;
  /** Refuse to wait for the namespace CONNECT longer than this. */
  connectTimeoutMs?: number;
  /** Called before any frame arrives: set onFrame or listeners for events sent right on connect. */
  prepare?: (socket: LightSocket) => void;
}

export class ConnectError extends Error {
  constructor(
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

// Under Bun the native client; under Node 20 (no global WebSocket) the `ws` package.
const WebSocketImpl: typeof WebSocket = globalThis.WebSocket ?? ((await import("ws")).default as unknown as typeof WebSocket);

const CODE_0 = 48; // "0" open / "40" connect
const CODE_1 = 49; // "1" close
const CODE_2 = 50; // "2" ping / "42" event
const CODE_3 = 51; // "43" ack
const CODE_4 = 52; // "4" message / "44" connect error

export class LightSocket {
  readonly ws: WebSocket;
  id: string | null = null;
  connected = false;
  /**
   * Called with every server EVENT frame ("42...") before any JSON parsing; returning true
   * consumes it, anything else passes it on to the `on(event)` listeners.
   */
  onFrame: ((frame: string) => boolean | void) | null = null;
  onClose: ((reason: string) => void) | null = null;
  private listeners = new Map<string, Listener[]>();
  private acks = new Map<number, (args: unknown[]) => void>();
  private nextAckId = 0;

  private constructor(url: string) {
    this.ws = new WebSocketImpl(url);
  }

  /** Opens the WebSocket, joins namespace "/" and resolves once the server accepted it. */
  static connect(baseUrl: string, options: LightSocketOptions = {}): Promise<LightSocket> {
    const url = `${baseUrl.replace(/^http/, "ws").replace(/\/$/, "")}/socket.io/?EIO=4&transport=websocket`;
    const socket = new LightSocket(url);
    options.prepare?.(socket);
    const timeoutMs = options.connectTimeoutMs ?? 15_000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail(new ConnectError(`no CONNECT within ${timeoutMs} ms`)), timeoutMs);
      const fail = (error: Error) => {
        clearTimeout(timer);
        socket.close();
        reject(error);
      };
      socket.ws.onerror = () => fail(new ConnectError("websocket error"));
      socket.ws.onclose = (event) => fail(new ConnectError(`websocket closed before CONNECT (${event.code})`));
      socket.ws.onmessage = (event) => {
        const frame = event.data;
        if (typeof frame !== "string") return;
        if (frame.charCodeAt(0) === CODE_0) {
          socket.ws.send(`40${options.auth ? JSON.stringify(options.auth) : ""}`);
        } else if (frame.charCodeAt(0) === CODE_2 && frame.length === 1) {
          socket.ws.send("3");
        } else if (frame.startsWith("40")) {
          clearTimeout(timer);
          socket.id = frame.length > 2 ? ((JSON.parse(frame.slice(2)) as { sid?: string }).sid ?? null) : null;
          socket.connected = true;
          socket.ws.onmessage = (e) => socket.receive(e.data);
          socket.ws.onerror = null;
          socket.ws.onclose = (e) => socket.closed(`closed ${e.code}`);
          resolve(socket);
        } else if (frame.startsWith("44")) {
          const data = JSON.parse(frame.slice(2)) as { message?: string; data?: unknown };
          fail(new ConnectError(data.message ?? "connect refused", data.data));
        }
      };
    });
  }

  on(event: string, listener: Listener): void {
    const list = this.listeners.get(event);
    if (list) list.push(listener);
    else this.listeners.set(event, [listener]);
  }

  /** Fire-and-forget EVENT: `42["event",...args]`. */
  emit(event: string, ...args: unknown[]): void {
    this.ws.send(`42${JSON.stringify([event, ...args])}`);
  }

  /** EVENT with an ack id; resolves with the first ack argument, rejects after timeoutMs. */
  emitWithAck<T = unknown>(event: string, payload: unknown, timeoutMs = 10_000): Promise<T> {
    const id = this.nextAckId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.acks.delete(id);
        reject(new Error(`no ack for ${event} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.acks.set(id, (args) => {
        clearTimeout(timer);
        resolve(args[0] as T);
      });
      this.ws.send(`42${id}${JSON.stringify([event, payload])}`);
    });
  }

  close(): void {
    this.connected = false;
    for (const ack of this.acks.values()) ack([{ ok: false, error: { code: "CLOSED", message: "socket closed" } }]);
    this.acks.clear();
    if (this.ws.readyState === WebSocketImpl.OPEN || this.ws.readyState === WebSocketImpl.CONNECTING) {
      this.ws.close();
    }
  }

  private receive(frame: unknown): void {
    if (typeof frame !== "string") return;
    const type = frame.charCodeAt(0);
    if (type === CODE_4) {
      const packet = frame.charCodeAt(1);
      if (packet === CODE_2) {
        if (this.onFrame?.(frame) !== true) this.dispatch(frame);
      } else if (packet === CODE_3) this.settleAck(frame);
      else if (packet === 49) this.closed("server disconnect"); // "41": DISCONNECT
    } else if (type === CODE_2) {
      this.ws.send("3");
    } else if (type === CODE_1) {
      this.closed("engine close");
    }
  }

  private dispatch(frame: string): void {
    const start = frame.indexOf("[");
    if (start < 0) return;
    const args = JSON.parse(frame.slice(start)) as unknown[];
    const event = args.shift() as string;
    // A server-side emitWithAck: answer with an empty ack so it does not time out.
    if (start > 2) this.ws.send(`43${frame.slice(2, start)}[]`);
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }

  private settleAck(frame: string): void {
    const start = frame.indexOf("[");
    const id = Number(frame.slice(2, start));
    const settle = this.acks.get(id);
    if (!settle) return;
    this.acks.delete(id);
    settle(JSON.parse(frame.slice(start)) as unknown[]);
  }

  private closed(reason: string): void {
    if (!this.connected) return;
    this.connected = false;
    for (const ack of this.acks.values()) ack([{ ok: false, error: { code: "CLOSED", message: reason } }]);
    this.acks.clear();
    this.onClose?.(reason);
  }
}
