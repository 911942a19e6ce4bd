import type { OutboxPayload, OutboxTopic } from "@/realtime/outbox-topics";
import type { OrderStatus } from "@/generated/prisma/enums";

/** A row of a user's notification centre, as derived from an outbox event. */
export interface CentreEntry {
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

const statusLine: Record<OrderStatus, { title: string; body: string }> = {
  PENDING: { title: "is waiting for payment", body: "We will start as soon as the payment is through." },
  PAID: { title: "is paid", body: "Thank you! We are getting it ready." },
  PROCESSING: { title: "is being prepared", body: "We are packing your order." },
  SHIPPED: { title: "has shipped", body: "It is on its way to you." },
  DELIVERED: { title: "was delivered", body: "Enjoy! Tell us if anything is not right." },
  CANCELLED: { title: "was cancelled", body: "Any payment will be returned to you." },
  REFUNDED: { title: "was refunded", body: "The refund is on its way to your card." },
};

const orderLink = (orderId: string) => `/orders/${orderId}`;

type Builders = { [T in OutboxTopic]?: (payload: OutboxPayload<T>) => CentreEntry };

// Only what a shopper should find in their centre later: their orders and messages for them.
// Every status change is an order.updated; the order.cancelled written beside a cancellation
// would only repeat it.
const builders: Builders = {
  "order.created": (p) => ({
    userId: p.userId,
    kind: "order",
    title: `Order #${p.number} placed`,
    body: `We have your order of ${p.itemCount} item${p.itemCount === 1 ? "" : "s"}.`,
    link: orderLink(p.orderId),
  }),
  "order.updated": (p) => ({
    userId: p.userId,
    kind: "order",
    title: `Order #${p.number} ${statusLine[p.status].title}`,
    body: statusLine[p.status].body,
    link: orderLink(p.orderId),
  }),
  notification: (p) => ({ userId: p.userId, kind: p.kind, title: p.title, body: p.body, link: p.link }),
};

/**
 * The notification-centre row an outbox event creates, or null. writeOutbox inserts it in the
 * same transaction as the event, so the centre is exactly as durable as the outbox.
 */
export function centreEntryFor<T extends OutboxTopic>(topic: T, payload: OutboxPayload<T>): CentreEntry | null {
  const build = builders[topic] as ((p: OutboxPayload<T>) => CentreEntry) | undefined;
  return build ? build(payload) : null;
}
