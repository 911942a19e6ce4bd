import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Help" };

const faqs = [
  { q: "How long does shipping take?", a: "Orders ship within 2 working days. You can follow every step live on your order page." },
  { q: "Can I return something?", a: "Yes: returns are free for 30 days. Cancel from your order page while it has not shipped yet." },
  { q: "Do I need an account to shop?", a: "No. Your cart is kept for you as a guest and moves into your account when you sign in or register." },
  { q: "What are live shows?", a: "Our hosts demo products live. Watch, chat, and grab limited offers while the show is on." },
];

export default function HelpPage() {
  return (
    <div className="mx-auto max-w-3xl px-4 pt-8 sm:px-6">
      <h1 className="text-3xl font-bold">Help</h1>
      <p className="mt-2 text-cocoa-700">
        Need a person? Open the chat in the corner of any page and one of our agents will answer. Otherwise, the answers below cover most questions.
      </p>
      <div className="mt-8 flex flex-col gap-3">
        {faqs.map((f) => (
          <details key={f.q} className="card group p-5">
            <summary className="cursor-pointer list-none font-semibold text-cocoa-900 marker:hidden">
              <span className="flex items-center justify-between gap-4">
                {f.q}
                <span aria-hidden="true" className="text-ember-600 transition-transform group-open:rotate-45">
                  +
                </span>
              </span>
            </summary>
            <p className="mt-3 text-cocoa-700">{f.a}</p>
          </details>
        ))}
      </div>
      <p className="mt-8 text-sm text-cocoa-600">
        Developers: the REST API is described at{" "}
        <Link href="/api/docs" className="font-semibold text-ember-700 underline">
          /api/docs
        </Link>
        .
      </p>
    </div>
  );
}
