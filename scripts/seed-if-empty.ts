#!/usr/bin/env bun
/** Seeds the demo data (prisma/seed.ts) when DATABASE_URL's database has no products yet. */
import { db, disconnectDb } from "@/server/db/client";

const products = await db().product.count();
await disconnectDb();
if (products > 0) {
  console.log(`database has ${products} products: not seeding`);
} else {
  console.log("empty database: seeding the demo data");
  await import("../prisma/seed");
}
