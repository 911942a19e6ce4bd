"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => undefined;

/**
 * A time in the reader's own time zone. The server does not know that zone, so it renders UTC
 * (labelled) and the browser switches to local time right after hydration, without a mismatch.
 */
export function LocalTime({ iso, withDate = true }: { iso: string; withDate?: boolean }) {
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const options: Intl.DateTimeFormatOptions = withDate ? { dateStyle: "medium", timeStyle: "short" } : { timeStyle: "short" };
  const text = new Intl.DateTimeFormat("en-US", inBrowser ? options : { ...options, timeZone: "UTC" }).format(new Date(iso));
  return (
    <time dateTime={iso} title={iso}>
      {inBrowser ? text : `${text} UTC`}
    </time>
  );
}
