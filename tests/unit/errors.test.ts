import { describe, expect, it } from "vitest";
import { isUniqueViolation } from "@/server/errors";

// The shapes Prisma 6 gives with driver adapters (seen from SQLite and PostgreSQL).
const raw = (kind: string, originalCode: string) => ({
  code: "P2010",
  meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode, kind } } },
});

describe("isUniqueViolation", () => {
  it("knows a model query's P2002 and a raw statement's unique violation on either database", () => {
    expect(isUniqueViolation({ code: "P2002", meta: { target: ["id"] } })).toBe(true);
    expect(isUniqueViolation(raw("UniqueConstraintViolation", "1555"))).toBe(true);
    expect(isUniqueViolation(raw("UniqueConstraintViolation", "23505"))).toBe(true);
  });

  it("refuses other failures", () => {
    expect(isUniqueViolation(raw("ForeignKeyConstraintViolation", "23503"))).toBe(false);
    expect(isUniqueViolation({ code: "P2010" })).toBe(false);
    expect(isUniqueViolation({ code: "P2025" })).toBe(false);
    expect(isUniqueViolation(new Error("P2002"))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
