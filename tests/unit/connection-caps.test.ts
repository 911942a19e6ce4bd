import { describe, expect, it } from "vitest";
import { createConnectionCaps } from "@/server/service/connection-caps";

/** Stands in for an engine connection: listeners are called with the connection as `this`. */
class FakeConnection {
  private listeners: ((this: FakeConnection) => void)[] = [];
  on(_event: "close", listener: (this: FakeConnection) => void) {
    this.listeners.push(listener);
  }
  close() {
    for (const l of this.listeners) l.call(this);
  }
}

describe("connection caps", () => {
  it("holds one slot per address and per account until the connection closes", () => {
    const caps = createConnectionCaps({ perIp: 2, perUser: 1 });
    const a = new FakeConnection();
    const b = new FakeConnection();
    expect(caps.takeIp("10.0.0.1")).toBe(true);
    caps.bind(a, "10.0.0.1");
    expect(caps.takeIp("10.0.0.1")).toBe(true);
    caps.bind(b, "10.0.0.1");
    expect(caps.takeIp("10.0.0.1")).toBe(false);
    expect(caps.takeIp("10.0.0.2")).toBe(true);

    expect(caps.takeUser(a, "u1")).toBe("ok");
    expect(caps.takeUser(b, "u1")).toBe("full");
    a.close();
    expect(caps.takeUser(b, "u1")).toBe("ok");
    expect(caps.takeIp("10.0.0.1")).toBe(true);
  });

  it("gives no account slot to a connection that closed during the handshake", () => {
    const caps = createConnectionCaps({ perIp: 5, perUser: 1 });
    const gone = new FakeConnection();
    caps.takeIp("10.0.0.1");
    caps.bind(gone, "10.0.0.1");
    gone.close();
    expect(caps.takeUser(gone, "u1")).toBe("closed");
    expect(caps.takeUser(new FakeConnection(), "u1")).toBe("closed");
    const next = new FakeConnection();
    caps.takeIp("10.0.0.1");
    caps.bind(next, "10.0.0.1");
    expect(caps.takeUser(next, "u1")).toBe("ok");
  });

  it("releases a connection once, however often it reports closing", () => {
    const caps = createConnectionCaps({ perIp: 1, perUser: 5 });
    const a = new FakeConnection();
    caps.takeIp("10.0.0.1");
    caps.bind(a, "10.0.0.1");
    a.close();
    a.close();
    expect(caps.takeIp("10.0.0.1")).toBe(true);
    expect(caps.takeIp("10.0.0.1")).toBe(false);
  });
});
