import { describe, expect, it } from "vitest";
import { isWithinSupportHours } from "@/server/support/support-hours";
import { estimateWaitMinutes } from "@/server/support/wait-estimate";

const at = (iso: string) => new Date(iso);

describe("support hours", () => {
  it("is open inside the range, closed at its end", () => {
    expect(isWithinSupportHours(at("2025-03-03T09:00:00Z"), "09:00-18:00", "UTC")).toBe(true);
    expect(isWithinSupportHours(at("2025-03-03T17:59:00Z"), "09:00-18:00", "UTC")).toBe(true);
    expect(isWithinSupportHours(at("2025-03-03T18:00:00Z"), "09:00-18:00", "UTC")).toBe(false);
    expect(isWithinSupportHours(at("2025-03-03T08:59:00Z"), "09:00-18:00", "UTC")).toBe(false);
  });

  it("reads the clock of the configured time zone", () => {
    // 08:30 UTC is 09:30 in Paris in winter.
    expect(isWithinSupportHours(at("2025-01-15T08:30:00Z"), "09:00-18:00", "Europe/Paris")).toBe(true);
    expect(isWithinSupportHours(at("2025-01-15T08:30:00Z"), "09:00-18:00", "UTC")).toBe(false);
  });

  it("runs overnight when the end comes before the start, and all day for 00:00-24:00", () => {
    expect(isWithinSupportHours(at("2025-03-03T23:00:00Z"), "22:00-06:00", "UTC")).toBe(true);
    expect(isWithinSupportHours(at("2025-03-03T05:59:00Z"), "22:00-06:00", "UTC")).toBe(true);
    expect(isWithinSupportHours(at("2025-03-03T12:00:00Z"), "22:00-06:00", "UTC")).toBe(false);
    expect(isWithinSupportHours(at("2025-03-03T00:00:00Z"), "00:00-24:00", "UTC")).toBe(true);
    expect(isWithinSupportHours(at("2025-03-03T23:59:00Z"), "00:00-24:00", "UTC")).toBe(true);
  });
});

describe("wait estimate", () => {
  const online = (activeChats: number, maxChats = 3) => ({ status: "online" as const, activeChats, maxChats });

  it("is unknown when nobody is online", () => {
    expect(estimateWaitMinutes(1, [], 6)).toBeNull();
    expect(estimateWaitMinutes(1, [{ status: "away", activeChats: 0, maxChats: 3 }], 6)).toBeNull();
  });

  it("is a minute while there are free seats, then grows with the line", () => {
    expect(estimateWaitMinutes(2, [online(1)], 6)).toBe(1);
    expect(estimateWaitMinutes(3, [online(1)], 6)).toBe(2); // one ahead of the free seats: 6 min over 3 seats
    expect(estimateWaitMinutes(10, [online(3), online(3)], 6)).toBe(10); // 10 × 6 / 6 seats
    expect(estimateWaitMinutes(10, [online(3)], 6)).toBe(20);
  });
});
