import { currentIdentity } from "@/server/auth/session";
import type { Identity } from "@/server/auth/tokens";
import { AppError } from "@/server/errors";

/** Guests have a centre too (their orders): any browser with a session may change its own. */
export async function requireVisitor(): Promise<Identity> {
  const identity = await currentIdentity();
  if (!identity) throw new AppError("UNAUTHORIZED", "No session: open the shop first");
  return identity;
}
