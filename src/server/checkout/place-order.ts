import { transact } from "@/server/db/transact";
import { formatMoney } from "@/lib/money";
import { AppError, isUniqueViolation } from "@/server/errors";
import { dropExpiredReservations, isExpiredReservation, unitPriceOf } from "@/server/cart/cart";
import type { CheckoutInput } from "@/server/checkout/checkout-schema";
import type { RecordResponse } from "@/server/checkout/idempotency";
import { authorizePayment } from "@/server/checkout/payment";
import { takeStock } from "@/server/inventory/stock";
import { writeOutbox } from "@/server/outbox/write-outbox";
import { nudgeNotifications } from "@/server/outbox/nudge";
import { orderInclude, toOrderView, type OrderView } from "@/server/orders/order-view";
import { computeTotals } from "@/server/orders/pricing";

const FIRST_ORDER_NUMBER = 1001;

/**
 * Turns the caller's cart into a paid order in one transaction: stock taken with conditional
 * writes, the order, its lines and timeline, the emptied cart and the outbox rows commit
 * together or not at all. Flash-offer lines were taken from stock when they were claimed, so
 * only plain lines take stock here.
 */
export async function placeOrder(userId: string, input: CheckoutInput, record?: RecordResponse): Promise<OrderView> {
  const dropped = await dropExpiredReservations(userId);
  if (dropped.length) {
    throw new AppError(
      "CONFLICT",
      `Your reservation for ${dropped.join(", ")} expired and was removed from your cart. Check your cart, then place the order again.`,
      "cart",
    );
  }
  const payment = authorizePayment(input.payment);

  const view = await transact(
    async (tx) => {
      const lines = await tx.cartItem.findMany({ where: { userId }, include: { product: true }, orderBy: [{ productId: "asc" }, { createdAt: "asc" }] });
      if (lines.length === 0) throw new AppError("VALIDATION", "Your cart is empty", "cart");

      const now = new Date();
      const plainUnits = new Map<string, number>();
      for (const line of lines) {
        if (line.product.status !== "ACTIVE")
          throw new AppError("CONFLICT", `${line.product.name} is no longer sold; remove it from your cart to continue`, "cart");
        if (isExpiredReservation(line, now)) throw new AppError("CONFLICT", `Your reservation for ${line.product.name} just expired; reload your cart`, "cart");
        if (!line.offerClaimId) plainUnits.set(line.productId, (plainUnits.get(line.productId) ?? 0) + line.quantity);
      }
      // Products in id order: concurrent orders lock rows in the same order (no deadlocks on PostgreSQL).
      for (const [productId, quantity] of plainUnits) await takeStock(tx, productId, quantity);

      const priced = lines.map((line) => ({ line, unitPriceCents: unitPriceOf(line), quantity: line.quantity }));
      const totals = computeTotals(priced);
      const last = await tx.order.aggregate({ _max: { number: true } });
      const number = (last._max.number ?? FIRST_ORDER_NUMBER - 1) + 1;
      const claimId = lines.find((line) => line.offerClaimId)?.offerClaimId;
      const showId = claimId
        ? (await tx.offerClaim.findUnique({ where: { id: claimId }, select: { offer: { select: { showId: true } } } }))?.offer.showId
        : undefined;

      const order = await tx.order.create({
        data: {
          number,
          userId,
          status: "PAID",
          ...totals,
          shippingAddress: JSON.stringify(input.shippingAddress),
          paymentLast4: payment.last4,
          showId: showId ?? null,
          statusChangedAt: now,
          items: {
            create: priced.map(({ line, unitPriceCents, quantity }) => ({
              productId: line.productId,
              name: line.product.name,
              unitPriceCents,
              quantity,
              offerClaimId: line.offerClaimId,
            })),
          },
          events: {
            create: [
              { from: null, to: "PENDING", note: "Order placed", byUserId: userId, createdAt: now },
              // One millisecond later, so the timeline keeps its order whatever the ids.
              {
                from: "PENDING",
                to: "PAID",
                note: `Payment of ${formatMoney(totals.totalCents)} accepted (card ending ${payment.last4})`,
                createdAt: new Date(now.getTime() + 1),
              },
            ],
          },
        },
        select: { id: true },
      });
      await tx.cartItem.deleteMany({ where: { id: { in: lines.map((line) => line.id) } } });
      await writeOutbox(
        tx,
        "order.created",
        { orderId: order.id, number, userId, status: "PAID", totalCents: totals.totalCents, itemCount: priced.reduce((sum, p) => sum + p.quantity, 0) },
        { userId, orderId: order.id, admin: true },
      );
      const view = toOrderView(await tx.order.findUniqueOrThrow({ where: { id: order.id }, include: orderInclude }));
      await record?.(tx, { status: 201, body: view });
      return view;
    },
    // Two orders racing for the next number (PostgreSQL): the loser simply runs again.
    { retryIf: isUniqueViolation },
  );
  nudgeNotifications();
  return view;
}
