import { createHash } from "node:crypto";
import { env } from "@/server/env";

// One Redis may serve several deployments (and test runs): a deployment is its database.
const namespace = `notif:${createHash("sha256").update(env().DATABASE_URL).digest("hex").slice(0, 10)}`;

/** A Redis key or channel of this deployment's notifications service. */
export const redisKey = (...parts: string[]) => [namespace, ...parts].join(":");
