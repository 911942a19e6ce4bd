import type { OrderStatus } from "@/generated/prisma/enums";
import { LocalTime } from "@/components/orders/local-time";
import { STATUS_LABEL } from "@/components/orders/order-status";
import type { OrderEvent } from "@/server/orders/order-view";

const HAPPY_PATH: OrderStatus[] = ["PAID", "PROCESSING", "SHIPPED", "DELIVERED"];

/** Where the order is on its way (a stepper) and everything that happened to it (a history). */
export function OrderTimeline({ status, events }: { status: OrderStatus; events: OrderEvent[] }) {
  const reached = new Set(events.map((e) => e.to));
  const current = HAPPY_PATH.indexOf(status);
  const stopped = status === "CANCELLED" || status === "REFUNDED";
  const doneAt = (i: number) => i < HAPPY_PATH.length && reached.has(HAPPY_PATH[i]!) && (stopped || i <= current);
  return (
    <section aria-labelledby="timeline-heading" className="card p-5 sm:p-6">
      <h2 id="timeline-heading" className="text-lg font-bold">
        Progress
      </h2>
      {stopped ? (
        <p className={`mt-3 rounded-xl px-3 py-2 text-sm font-medium ${status === "CANCELLED" ? "bg-red-50 text-red-800" : "bg-zinc-100 text-zinc-800"}`}>
          {status === "CANCELLED" ? "This order was cancelled. Any payment goes back to your card." : "This order was refunded."}
        </p>
      ) : null}
      <ol className="mt-5 grid grid-cols-4 gap-1" aria-label="Order progress">
        {HAPPY_PATH.map((step, i) => {
          const done = doneAt(i);
          const isCurrent = !stopped && i === current;
          return (
            <li key={step} aria-current={isCurrent ? "step" : undefined} className="flex flex-col items-center gap-2 text-center">
              <div className="flex w-full items-center">
                <span className={`h-1 flex-1 rounded-full ${i === 0 ? "invisible" : done ? "bg-ember-500" : "bg-sand-200"}`} />
                <span
                  aria-hidden="true"
                  className={`flex size-7 shrink-0 items-center justify-center rounded-full text-xs font-bold ${
                    done ? "bg-ember-600 text-white" : "border-2 border-sand-300 bg-white text-cocoa-500"
                  } ${isCurrent ? "ring-4 ring-ember-100" : ""}`}
                >
                  {done ? "✓" : i + 1}
                </span>
                <span className={`h-1 flex-1 rounded-full ${i === HAPPY_PATH.length - 1 ? "invisible" : doneAt(i + 1) ? "bg-ember-500" : "bg-sand-200"}`} />
              </div>
              <span className={`text-xs sm:text-sm ${isCurrent ? "font-bold text-cocoa-900" : done ? "font-medium text-cocoa-800" : "text-cocoa-500"}`}>
                {STATUS_LABEL[step]}
                <span className="sr-only">{done ? " (done)" : " (not yet)"}</span>
              </span>
            </li>
          );
        })}
      </ol>

      <h3 className="mt-7 text-sm font-semibold tracking-wide text-cocoa-700 uppercase">History</h3>
      <ol className="mt-3 space-y-0" data-testid="order-timeline">
        {[...events].reverse().map((event, i) => (
          <li key={event.id} className="relative flex gap-3 pb-4 last:pb-0" data-status={event.to}>
            <span aria-hidden="true" className={`mt-1.5 size-2.5 shrink-0 rounded-full ${i === 0 ? "bg-ember-600" : "bg-sand-300"}`} />
            <div className="min-w-0">
              <p className="text-sm font-semibold text-cocoa-900">{event.from === null ? "Order placed" : STATUS_LABEL[event.to]}</p>
              {event.note && event.note !== "Order placed" ? <p className="text-sm text-cocoa-700">{event.note}</p> : null}
              <p className="text-xs text-cocoa-600">
                <LocalTime iso={event.createdAt} />
              </p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
