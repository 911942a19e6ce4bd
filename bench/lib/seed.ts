import type { Db } from "@/server/db/client";
import { realtimeToken } from "../../tests/support/tokens";
import type { Role } from "@/server/auth/tokens";

export interface BenchUser {
  id: string;
  name: string;
  role: Role;
  token: string;
}

/**
 * Inserts `count` users in batches (one INSERT per 500, not per user) and mints a realtime
 * token for each, signed with the test secret the benchmark's services are started with.
 */
export async function createUsers(db: Db, count: number, prefix: string, role: Role = "SHOPPER"): Promise<BenchUser[]> {
  const stamp = `${prefix}-${Date.now().toString(36)}`;
  const users = Array.from({ length: count }, (_, i) => ({ id: `${stamp}-${i}`, name: `${role.toLowerCase()} ${i}`, role }));
  for (let start = 0; start < count; start += 500) {
    await db.user.createMany({
      data: users.slice(start, start + 500).map((u) => ({ ...u, email: role === "GUEST" ? null : `${u.id}@bench.calor` })),
    });
  }
  return Promise.all(users.map(async (u) => ({ ...u, token: await realtimeToken({ sub: u.id, role, name: u.name }) })));
}
