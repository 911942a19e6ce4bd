import type { Role } from "@/generated/prisma/enums";
import { hashPassword } from "@/server/auth/password";
import type { Db } from "@/server/db/client";

export const DEMO_PASSWORD = "calor-demo";

export const demoAccounts: { email: string; name: string; role: Role }[] = [
  { email: "admin@calor.dev", name: "Ada Admin", role: "ADMIN" },
  { email: "agent@calor.dev", name: "Alex Agent", role: "AGENT" },
  { email: "agent2@calor.dev", name: "Sam Agent", role: "AGENT" },
  { email: "host@calor.dev", name: "Harper Host", role: "HOST" },
  { email: "shopper@calor.dev", name: "Sasha Shopper", role: "SHOPPER" },
];

/** Demo accounts with a published password: never in production. */
export async function seedAccounts(db: Db, nodeEnv = process.env.NODE_ENV): Promise<void> {
  if (nodeEnv === "production") {
    console.log("seed: production, no demo accounts");
    return;
  }
  for (const account of demoAccounts) {
    await db.user.upsert({
      where: { email: account.email },
      create: { ...account, passwordHash: await hashPassword(DEMO_PASSWORD) },
      update: { name: account.name, role: account.role },
    });
  }
  console.log(`seed: ${demoAccounts.length} demo accounts (password ${DEMO_PASSWORD})`);
}
