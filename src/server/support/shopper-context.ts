import type { ShopperContext } from "@/realtime/support-chat";
import { db } from "@/server/db/client";

/** Who the shopper is, what is in their cart and how their recent orders stand: read live. */
export async function shopperContext(shopperId: string): Promise<ShopperContext> {
  const [user, lines, orders, sessions] = await Promise.all([
    db().user.findUniqueOrThrow({ where: { id: shopperId }, select: { id: true, name: true, email: true, role: true, createdAt: true } }),
    db().cartItem.findMany({
      where: { userId: shopperId },
      orderBy: { createdAt: "asc" },
      select: { productId: true, quantity: true, unitPriceCents: true, product: { select: { name: true, priceCents: true } } },
    }),
    db().order.findMany({
      where: { userId: shopperId },
      orderBy: { createdAt: "desc" },
      take: 5,
      select: { id: true, number: true, status: true, totalCents: true, createdAt: true, _count: { select: { items: true } } },
    }),
    db().supportSession.count({ where: { shopperId } }),
  ]);
  const cartLines = lines.map((l) => ({
    productId: l.productId,
    name: l.product.name,
    quantity: l.quantity,
    unitPriceCents: l.unitPriceCents ?? l.product.priceCents,
  }));
  return {
    shopper: { id: user.id, name: user.name, email: user.email, isGuest: user.role === "GUEST", memberSince: user.createdAt.toISOString() },
    cart: { lines: cartLines, totalCents: cartLines.reduce((n, l) => n + l.unitPriceCents * l.quantity, 0) },
    orders: orders.map((o) => ({
      id: o.id,
      number: o.number,
      status: o.status,
      totalCents: o.totalCents,
      itemCount: o._count.items,
      createdAt: o.createdAt.toISOString(),
    })),
    previousSessions: Math.max(0, sessions - 1),
  };
}
