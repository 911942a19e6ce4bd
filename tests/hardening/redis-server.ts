import { execFileSync } from "node:child_process";
import { freePort } from "../support/ports";
import { spawnGroup, waitUntil } from "../support/process-group";

export interface RedisServer {
  url: string;
  port: number;
  /** `DEBUG SLEEP`: the server answers nothing for that long (the Redis outage). */
  sleep(seconds: number): void;
  cli(...args: string[]): string;
  /** Stops it and starts an empty one on the same port (no persistence: its data is gone). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A private redis-server on a free loopback port without persistence: the faults these cases
 * inject (a paused Redis, instances sharing keys) must not touch the Redis others test against.
 */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const cli = (...args: string[]) => execFileSync("redis-cli", ["-p", String(port), ...args], { encoding: "utf8", timeout: 20_000 }).trim();
  const launch = async () => {
    const server = spawnGroup(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--enable-debug-command", "local"],
      {},
    );
    await waitUntil("redis-server", server, async () => cli("PING") === "PONG", 10_000);
    return server;
  };
  let server = await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    cli,
    // Fire and forget: the reply only comes when the pause is over.
    sleep: (seconds) => void spawnGroup("redis-cli", ["-p", String(port), "DEBUG", "SLEEP", String(seconds)], {}).exited,
    async restart() {
      await server.stop(2000);
      server = await launch();
    },
    stop: () => server.stop(2000),
  };
}
