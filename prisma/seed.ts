/**
 * Demo data: `bun prisma/seed.ts` (uses DATABASE_URL). Idempotent: every module upserts, so
 * running it twice changes nothing. Each area adds its module here, in dependency order.
 */
import { db, disconnectDb } from "@/server/db/client";
import { seedAccounts } from "./seed/accounts";
import { seedCatalog } from "./seed/catalog";
import { seedLive } from "./seed/live";
import { seedSupport } from "./seed/support";

try {
  await seedCatalog(db());
  await seedAccounts(db());
  await seedSupport(db());
  await seedLive(db());
} finally {
  await disconnectDb();
}
