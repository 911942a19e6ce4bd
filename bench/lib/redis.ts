import { spawn } from "node:child_process";
import { connect } from "node:net";
import { freePort } from "../../tests/support/ports";
import { stopChild, track, type ServerProcess } from "./processes";
import { sleep } from "./swarm";

/**
 * A private redis-server on a free loopback port, without persistence. The shared Redis on
 * 6379 carries other engineers' test traffic on the same adapter channels; a private one keeps
 * both their runs and this measurement clean, and gives its pid for CPU.
 */
export async function startRedis(): Promise<ServerProcess> {
  const port = await freePort();
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
  const child = spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] });
  track(child);
  let log = "";
  child.stdout!.on("data", (d) => (log = (log + d).slice(-5000)));
  child.stderr!.on("data", (d) => (log = (log + d).slice(-5000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 10_000;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server did not start:\n${log}`);
    await sleep(50);
  }
  return {
    label: "redis",
    pid: child.pid!,
    port,
    url: `redis://127.0.0.1:${port}`,
    command: `redis-server ${args.map((a) => (a === "" ? '""' : a)).join(" ")}`,
    output: () => log,
    stop: () => stopChild(child, exited),
  };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
