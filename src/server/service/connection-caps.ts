/** What one engine connection holds: its address's slot and, once authenticated, its user's. */
interface Held {
  ip: string;
  userId: string | null;
}

// Engine connections are event emitters that call listeners with `this` set to themselves.
interface EngineConnection {
  on(event: "close", listener: (this: EngineConnection) => void): unknown;
}

/**
 * Connections per address and per account. Each engine connection holds at most one slot of
 * each, recorded here and released by one shared "close" listener: no closure per connection
 * (a 10,000-viewer show would carry 10,000 of them).
 */
export function createConnectionCaps(limits: { perIp: number; perUser: number }) {
  const perIp = new Map<string, number>();
  const perUser = new Map<string, number>();
  const held = new Map<EngineConnection, Held>();

  function release(this: EngineConnection) {
    const slot = held.get(this);
    if (!slot) return;
    held.delete(this);
    decrement(perIp, slot.ip);
    if (slot.userId) decrement(perUser, slot.userId);
  }

  return {
    /** Takes the address's slot before any await, so a burst cannot overshoot; false when full. */
    takeIp(ip: string): boolean {
      const n = perIp.get(ip) ?? 0;
      if (n >= limits.perIp) return false;
      perIp.set(ip, n + 1);
      return true;
    },
    /** The engine connection now holds the address's slot until it closes. */
    bind(conn: EngineConnection, ip: string): void {
      held.set(conn, { ip, userId: null });
      conn.on("close", release);
    },
    /**
     * Takes the account's slot for this connection: "full" at the cap, "closed" when the
     * connection went away meanwhile (its slot would never be released).
     */
    takeUser(conn: EngineConnection, userId: string): "ok" | "full" | "closed" {
      const slot = held.get(conn);
      if (!slot) return "closed";
      const n = perUser.get(userId) ?? 0;
      if (n >= limits.perUser) return "full";
      perUser.set(userId, n + 1);
      slot.userId = userId;
      return "ok";
    },
  };
}

function decrement(map: Map<string, number>, key: string) {
  const n = (map.get(key) ?? 1) - 1;
  if (n <= 0) map.delete(key);
  else map.set(key, n);
}
