/** Minutes since midnight of `now` on the wall clock of `timeZone`. */
function minutesOfDay(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get("hour") * 60 + get("minute");
}

const parse = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * Whether `now` falls in SUPPORT_HOURS ("09:00-18:00", end exclusive) in SUPPORT_TIMEZONE.
 * A range that ends before it starts runs overnight ("22:00-06:00"); "00:00-24:00" is always.
 */
export function isWithinSupportHours(now: Date, hours: string, timeZone: string): boolean {
  const [from = "00:00", to = "24:00"] = hours.split("-");
  const start = parse(from);
  const end = parse(to);
  if (start === end) return false;
  const t = minutesOfDay(now, timeZone);
  return start < end ? t >= start && t < end : t >= start || t < end;
}
