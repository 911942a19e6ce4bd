import type { Tx } from "@/server/db/client";

/**
 * What a guest did follows it into the account it logs in to: cart lines (quantities added
 * together), support chats, orders, RSVPs and notifications move over (a won offer travels as its cart line), and the
 * guest row points at the account so its old cookie can never act again.
 */
export async function mergeGuestInto(tx: Tx, guestId: string, accountId: string): Promise<void> {
  if (guestId === accountId) return;
  const guest = await tx.user.findUnique({ where: { id: guestId }, select: { role: true, mergedIntoId: true } });
  if (!guest || guest.role !== "GUEST" || guest.mergedIntoId) return;

  const lines = await tx.cartItem.findMany({ where: { userId: guestId } });
  for (const line of lines) {
    const existing = line.offerClaimId ? null : await tx.cartItem.findFirst({ where: { userId: accountId, productId: line.productId, offerClaimId: null } });
    if (existing) {
      await tx.cartItem.update({ where: { id: existing.id }, data: { quantity: existing.quantity + line.quantity } });
      await tx.cartItem.delete({ where: { id: line.id } });
    } else {
      await tx.cartItem.update({ where: { id: line.id }, data: { userId: accountId } });
    }
  }
  await tx.supportSession.updateMany({ where: { shopperId: guestId }, data: { shopperId: accountId } });
  await tx.supportMessage.updateMany({ where: { senderId: guestId }, data: { senderId: accountId } });
  await tx.order.updateMany({ where: { userId: guestId }, data: { userId: accountId } });
  await tx.notification.updateMany({ where: { userId: guestId }, data: { userId: accountId } });
  await tx.outboxEvent.updateMany({ where: { userId: guestId }, data: { userId: accountId } });
  const rsvps = await tx.showRsvp.findMany({ where: { userId: guestId } });
  for (const rsvp of rsvps) {
    await tx.showRsvp.upsert({
      where: { showId_userId: { showId: rsvp.showId, userId: accountId } },
      create: { showId: rsvp.showId, userId: accountId },
      update: {},
    });
  }
  await tx.showRsvp.deleteMany({ where: { userId: guestId } });
  await tx.user.update({ where: { id: guestId }, data: { mergedIntoId: accountId } });
}
