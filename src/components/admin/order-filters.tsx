import Link from "next/link";
import { STATUS_LABEL } from "@/components/orders/order-status";
import type { AdminOrderQuery } from "@/server/admin/admin-orders";

/** A plain GET form: the filters live in the URL, so a filtered list can be bookmarked and shared. */
export function OrderFilters({ query }: { query: AdminOrderQuery }) {
  const label = "mb-1 block text-xs font-semibold tracking-wide text-cocoa-700 uppercase";
  return (
    <form
      method="get"
      action="/admin/orders"
      className="card mb-5 grid grid-cols-2 gap-3 p-4 sm:grid-cols-3 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto]"
      role="search"
      aria-label="Filter orders"
    >
      <div>
        <label htmlFor="f-status" className={label}>
          Status
        </label>
        <select id="f-status" name="status" defaultValue={query.status ?? ""} className="field-input h-11 py-0">
          <option value="">Any</option>
          {Object.entries(STATUS_LABEL).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-customer" className={label}>
          Customer
        </label>
        <input id="f-customer" name="customer" defaultValue={query.customer ?? ""} placeholder="Name or email" className="field-input h-11 py-0" />
      </div>
      <div>
        <label htmlFor="f-from" className={label}>
          From
        </label>
        <input id="f-from" name="from" type="date" defaultValue={query.from ?? ""} className="field-input h-11 py-0" />
      </div>
      <div>
        <label htmlFor="f-to" className={label}>
          To
        </label>
        <input id="f-to" name="to" type="date" defaultValue={query.to ?? ""} className="field-input h-11 py-0" />
      </div>
      <div className="col-span-2 flex items-end gap-2 sm:col-span-2 lg:col-span-1">
        <button type="submit" className="btn-primary py-2">
          Filter
        </button>
        <Link href="/admin/orders" className="btn-secondary py-2">
          Clear
        </Link>
      </div>
    </form>
  );
}
