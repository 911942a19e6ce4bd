import { existsSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "@/server/env";

/** The suites run the generated Prisma clients; say plainly when they are missing. */
export default function setup() {
  if (!existsSync(join(projectRoot(), "src", "generated", "prisma", "client.ts"))) {
    throw new Error("Prisma clients are not generated: run `bun scripts/prisma.ts generate` (npm test does it for you)");
  }
}
