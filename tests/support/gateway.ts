import { join } from "node:path";
import { projectRoot } from "@/server/env";
import { freePort } from "./ports";
import { spawnGroup, waitUntil } from "./process-group";
import type { ServiceName } from "./service-process";

export interface GatewayOptions {
  /** host:port of the Next.js server (or a stand-in). */
  web: string;
  /** host:port lists per service; a service left out points at a port nothing listens on. */
  services: Partial<Record<ServiceName, string[]>>;
  port?: number;
  env?: Record<string, string>;
}

export interface Gateway {
  url: string;
  port: number;
  output(): string;
  stop(): Promise<void>;
}

export const upstreamVar: Record<ServiceName, string> = {
  "support-chat": "SUPPORT_CHAT_UPSTREAMS",
  "live-stream": "LIVE_STREAM_UPSTREAMS",
  notifications: "NOTIFICATIONS_UPSTREAMS",
};

/** Caddy with the project's own Caddyfile, its listen port and upstreams chosen by env. */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const root = projectRoot();
  const port = options.port ?? (await freePort());
  const upstreams: Record<string, string> = {};
  for (const name of Object.keys(upstreamVar) as ServiceName[]) {
    upstreams[upstreamVar[name]] = options.services[name]?.join(" ") ?? `127.0.0.1:${await freePort()}`;
  }
  const caddy = spawnGroup("caddy", ["run", "--config", join(root, "Caddyfile"), "--adapter", "caddyfile"], {
    cwd: root,
    env: { ...process.env, GATEWAY_PORT: String(port), WEB_UPSTREAM: options.web, CADDY_ADMIN: "off", ...upstreams, ...options.env },
  });
  const url = `http://127.0.0.1:${port}`;
  // The 403 for a disallowed port is Caddy's own answer: it proves Caddy serves this config.
  await waitUntil("caddy", caddy, async () => (await fetch(`${url}/?XTransformPort=0`)).status === 403, 20_000);
  return { url, port, output: caddy.output, stop: () => caddy.stop() };
}
