// pm2 process file: `pm2 start ecosystem.config.js` (after `bun run build`), `pm2 delete ecosystem.config.js`.
//
// Runs next start, N instances of each service and Caddy in front. Instance i of a service
// listens on its base port + i * 100 (support-chat 3031, 3131, 3231...; live-stream 3032,
// 3132...; notifications 3033, 3133...), and Caddy is given exactly those upstreams.
// N comes from SUPPORT_CHAT_INSTANCES / LIVE_STREAM_INSTANCES / NOTIFICATIONS_INSTANCES
// (default 1); more than one instance needs REDIS_URL so the instances share rooms.
// Settings come from the environment, then from .env. Pending migrations are applied when
// pm2 starts or reloads this file.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));
const PORT_STEP = 100;

loadDotEnv(join(root, ".env"));
ensureSecrets(join(root, ".env"));
const env = process.env;
const HOST = env.HOST ?? "127.0.0.1";
const WEB_PORT = Number(env.WEB_PORT ?? 3000);

const services = [
  { name: "support-chat", portVar: "SUPPORT_CHAT_PORT", basePort: 3031, countVar: "SUPPORT_CHAT_INSTANCES", upstreamVar: "SUPPORT_CHAT_UPSTREAMS" },
  { name: "live-stream", portVar: "LIVE_STREAM_PORT", basePort: 3032, countVar: "LIVE_STREAM_INSTANCES", upstreamVar: "LIVE_STREAM_UPSTREAMS" },
  { name: "notifications", portVar: "NOTIFICATIONS_PORT", basePort: 3033, countVar: "NOTIFICATIONS_INSTANCES", upstreamVar: "NOTIFICATIONS_UPSTREAMS" },
].map((s) => {
  const count = Number(env[s.countVar] ?? 1);
  if (!Number.isInteger(count) || count < 1 || count > 50) throw new Error(`${s.countVar} must be a whole number from 1 to 50`);
  if (count > 1 && !env.REDIS_URL) throw new Error(`${s.countVar}=${count} needs REDIS_URL: instances share rooms through Redis`);
  const base = Number(env[s.portVar] ?? s.basePort);
  return { ...s, ports: Array.from({ length: count }, (_, i) => base + i * PORT_STEP) };
});

// The first instance's port is the one Next nudges and the default for tools.
const shared = {
  NODE_ENV: "production",
  HOST,
  WEB_PORT: String(WEB_PORT),
  ...Object.fromEntries(services.map((s) => [s.portVar, String(s.ports[0])])),
  NOTIFICATIONS_URL: env.NOTIFICATIONS_URL ?? `http://127.0.0.1:${services[2].ports[0]}`,
};

const graceful = { kill_timeout: 15_000, autorestart: true, max_restarts: 20, min_uptime: 5_000, restart_delay: 1_000, merge_logs: true };
const bun = which("bun");

export const apps = [
  {
    name: "web",
    cwd: root,
    script: join(root, "node_modules", "next", "dist", "bin", "next"),
    args: ["start", "-p", String(WEB_PORT), "-H", HOST],
    env: shared,
    ...graceful,
  },
  ...services.flatMap((s) =>
    s.ports.map((port, i) => ({
      name: s.ports.length === 1 ? s.name : `${s.name}-${i}`,
      cwd: join(root, "mini-services", s.name),
      script: bun,
      args: ["index.ts"],
      interpreter: "none",
      env: { ...shared, [s.portVar]: String(port) },
      ...graceful,
    })),
  ),
  {
    name: "caddy",
    cwd: root,
    script: which("caddy"),
    args: ["run", "--config", join(root, "Caddyfile"), "--adapter", "caddyfile"],
    interpreter: "none",
    env: {
      GATEWAY_PORT: env.GATEWAY_PORT ?? "8080",
      WEB_UPSTREAM: `127.0.0.1:${WEB_PORT}`,
      ...Object.fromEntries(services.map((s) => [s.upstreamVar, s.ports.map((p) => `127.0.0.1:${p}`).join(" ")])),
    },
    ...graceful,
  },
];

const config = { apps };
export default config;

const command = process.argv.slice(2).find((a) => !a.startsWith("-"));
if (["start", "reload", "restart", "startOrReload", "startOrRestart"].includes(command ?? "")) {
  execFileSync(bun, [join(root, "scripts", "prisma.ts"), "migrate"], { cwd: root, stdio: "inherit", env });
}

function loadDotEnv(file) {
  if (!existsSync(file)) return;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || match[1] in process.env) continue;
    process.env[match[1]] = match[2].replace(/^(["'])(.*)\1$/, "$2");
  }
}

// Production refuses to start without secrets; on a machine with none, make them once and
// keep them in .env (git-ignored) so every process and every restart agrees on them.
function ensureSecrets(file) {
  for (const name of ["AUTH_SECRET", "SERVICE_TOKEN"]) {
    if (process.env[name]) continue;
    process.env[name] = randomBytes(32).toString("hex");
    const separator = existsSync(file) && !readFileSync(file, "utf8").endsWith("\n") ? "\n" : "";
    appendFileSync(file, `${separator}${name}=${process.env[name]}\n`, { mode: 0o600 });
    console.log(`[calor] generated ${name} into .env (keep that file private)`);
  }
}

function which(command) {
  try {
    return execFileSync("bash", ["-c", `command -v ${command}`], {
      encoding: "utf8",
      env: { ...env, PATH: `${join(root, "node_modules", ".bin")}:${env.HOME}/.bun/bin:${env.PATH}` },
    }).trim();
  } catch {
    throw new Error(`${command} is not installed: run \`bash scripts/ensure-tools.sh\``);
  }
}
