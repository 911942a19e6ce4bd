import type { Db } from "@/server/db/client";

/** The agents' canned responses (typed as /shortcut in the console). */
export const cannedResponses = [
  { shortcut: "hello", title: "Greeting", body: "Hi! Thanks for reaching out to CALOR. How can I help you today?" },
  {
    shortcut: "order",
    title: "Ask for the order number",
    body: "Could you give me your order number? You will find it in your confirmation email and on your Orders page.",
  },
  { shortcut: "shipping", title: "Shipping times", body: "Orders ship within 2 working days, and you can follow every step live on your order page." },
  {
    shortcut: "returns",
    title: "Returns policy",
    body: "Returns are free for 30 days. While an order has not shipped yet, you can cancel it yourself from its order page.",
  },
  { shortcut: "refund", title: "Refund timing", body: "Your refund is on its way: it usually appears on your card within 5 to 7 working days." },
  { shortcut: "wait", title: "Checking", body: "Thanks for your patience — let me check that for you, it will take a minute." },
  { shortcut: "bye", title: "Closing", body: "Is there anything else I can help you with? Have a warm day!" },
];

/** Idempotent: keyed by shortcut. */
export async function seedSupport(db: Db): Promise<void> {
  for (const canned of cannedResponses) {
    await db.cannedResponse.upsert({ where: { shortcut: canned.shortcut }, create: canned, update: { title: canned.title, body: canned.body } });
  }
  console.log(`seed: ${cannedResponses.length} canned responses`);
}
