import type { ErrorBody } from "@/server/errors";

/** Every socket acknowledgement, except the shapes the earlier product fixed (order:subscribe). */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: Pick<ErrorBody, "code" | "message"> };
export type AckFn<T> = (ack: Ack<T>) => void;
