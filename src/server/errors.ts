import { z } from "zod";

export const errorCodes = [
  "VALIDATION",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "UNPROCESSABLE",
  "RATE_LIMITED",
  "PAYMENT_DECLINED",
  "OUT_OF_STOCK",
  "INTERNAL",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

const statusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  PAYMENT_DECLINED: 402,
  OUT_OF_STOCK: 409,
  INTERNAL: 500,
};

/** An error meant for the caller: its code and message are safe to show. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
}

/** The one mapping from anything thrown to what a caller sees (HTTP body or socket ack). */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppError) return { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.join(".") || undefined;
    return { code: "VALIDATION", message: field ? `${field}: ${issue?.message}` : (issue?.message ?? "Invalid input"), ...(field ? { field } : {}) };
  }
  if (error instanceof SyntaxError) return { code: "VALIDATION", message: "Body is not valid JSON" };
  return { code: "INTERNAL", message: "Something went wrong on our side" };
}

export const httpStatus = (body: ErrorBody) => statusOf[body.code];

/** A unique constraint refused the write: P2002 from a model query, P2010 naming it from a raw one. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  if (error.code === "P2002") return true;
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } }).meta?.driverAdapterError?.cause;
  return error.code === "P2010" && cause?.kind === "UniqueConstraintViolation";
}

/**
 * PostgreSQL text cannot hold U+0000, so a NUL in any input string would fail in the database as
 * INTERNAL; every entry point (HTTP bodies and queries, socket payloads) refuses it up front.
 */
export function rejectNul(value: unknown, depth = 0): void {
  if (typeof value === "string") {
    if (value.includes("\0")) throw new AppError("VALIDATION", "Text cannot contain the NUL character");
    return;
  }
  if (depth > 32 || value === null || typeof value !== "object" || ArrayBuffer.isView(value)) return;
  for (const item of Object.values(value)) rejectNul(item, depth + 1);
}
