import { env } from "@/server/env";

type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** One JSON object per line on stdout, so pm2 and any log shipper can read it as is. */
export function logger(service: string) {
  const threshold = order[env().LOG_LEVEL];
  const write =
    (level: Level) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (order[level] < threshold) return;
      process.stdout.write(JSON.stringify({ time: new Date().toISOString(), level, service, msg, ...fields }) + "\n");
    };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}
export type Logger = ReturnType<typeof logger>;
