import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "@/server/env";
import type { ServiceName } from "../support/service-process";

/**
 * The client events a service really registers: read from its handler files, so an event added
 * later is fuzzed and access-checked without anyone updating a list here.
 */
export function handlerEvents(service: ServiceName): string[] {
  const dir = join(projectRoot(), "mini-services", service, "handlers");
  const events = readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .flatMap((f) => [...readFileSync(join(dir, f), "utf8").matchAll(/^\s{2}event: "([^"]+)",$/gm)].map((m) => m[1]!));
  if (events.length === 0) throw new Error(`no handlers found in ${dir}`);
  return [...new Set(events)].sort();
}
