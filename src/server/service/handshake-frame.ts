// The parts of @socket.io/bun-engine this relies on: its connections are event emitters whose
// `once` wrappers carry the wrapped listener as `fn`, and the engine keeps them in `clients`.
interface Listener {
  (...args: unknown[]): void;
  fn?: unknown;
}
interface EngineConnection {
  id: string;
  listeners(event: "close"): Listener[];
  off(event: "close", listener: Listener): unknown;
  on(event: "close", listener: (this: EngineConnection) => void): unknown;
}

/**
 * @socket.io/bun-engine (0.1.2) registers, inside its async `handshake`, a "close" listener that
 * only removes the connection from the engine's table, but as a closure over the whole async
 * frame: the upgrade Request, its URL and search params and the response Headers stay alive as
 * long as the connection (about 1 KB of heap and 0.5 KB outside it per socket, measured with
 * bun:jsc heapStats). This returns what swaps that listener, per connection, for one shared
 * function doing the same. It is recognised by what it does; a library version without it is
 * left alone.
 */
export function handshakeFrameReleaser(engine: object): (conn: object) => void {
  const clients: unknown = (engine as { clients?: unknown }).clients;
  if (!(clients instanceof Map)) return () => {};
  const table: Map<unknown, unknown> = clients;
  function dropClient(this: EngineConnection) {
    table.delete(this.id);
  }
  return (connection) => {
    const conn = connection as EngineConnection;
    const closure = conn.listeners("close").find((l) => typeof l.fn === "function" && /\bclients\.delete\(/.test(String(l.fn)));
    if (!closure) return;
    conn.off("close", closure);
    conn.on("close", dropClient);
  };
}
