import { credentialsSchema, registerSchema, type Credentials, type Registration } from "@/lib/credentials";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import type { Identity } from "@/server/auth/tokens";
import { db } from "@/server/db/client";
import { AppError, isUniqueViolation } from "@/server/errors";
import { mergeGuestInto } from "@/server/identity/merge-guest";

// The same schemas validate the browser forms, so they live outside server/.
export { credentialsSchema, registerSchema, type Credentials, type Registration };

const toIdentity = (u: { id: string; role: Identity["role"]; name: string }): Identity => ({ sub: u.id, role: u.role, name: u.name });

/** A guest that registers becomes the account: same row, so everything it did stays put. */
export async function register(input: Registration, guest: Identity | null): Promise<Identity> {
  const passwordHash = await hashPassword(input.password);
  try {
    if (guest?.role === "GUEST") {
      const live = await db().user.findFirst({ where: { id: guest.sub, role: "GUEST", mergedIntoId: null } });
      if (live) {
        return toIdentity(await db().user.update({ where: { id: live.id }, data: { email: input.email, name: input.name, passwordHash, role: "SHOPPER" } }));
      }
    }
    return toIdentity(await db().user.create({ data: { email: input.email, name: input.name, passwordHash, role: "SHOPPER" } }));
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "An account with this email already exists", "email");
    throw error;
  }
}

export async function login(input: Credentials, guest: Identity | null): Promise<Identity> {
  const user = await db().user.findUnique({ where: { email: input.email } });
  // One message for both cases, so the form does not reveal which emails have accounts.
  if (!user?.passwordHash || !(await verifyPassword(input.password, user.passwordHash))) {
    throw new AppError("UNAUTHORIZED", "Email or password is incorrect");
  }
  if (guest?.role === "GUEST") await db().$transaction((tx) => mergeGuestInto(tx, guest.sub, user.id));
  return toIdentity(user);
}
