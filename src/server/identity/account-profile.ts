import { db } from "@/server/db/client";

/** What the account page shows about the signed-in user (null if the row is gone or merged away). */
export async function accountProfile(userId: string) {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { name: true, email: true, role: true, createdAt: true, mergedIntoId: true, _count: { select: { orders: true } } },
  });
  if (!user || user.mergedIntoId) return null;
  return { name: user.name, email: user.email, role: user.role, memberSince: user.createdAt, orderCount: user._count.orders };
}
