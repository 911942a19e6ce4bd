import fc from "fast-check";
import type { Socket } from "socket.io-client";
import { errorCodes } from "@/server/errors";

/**
 * Arbitrary socket calls for case 9: wrong types, 1 MB strings and buffers, nesting 100 deep,
 * `__proto__` / `constructor` / `prototype` keys, wrong argument counts, binary, no ack.
 * The values are built to be invalid for the contracts (no text field takes "", blanks or more
 * than 2,000 characters; no id field takes a non-string; ids do take blanks), so a success ack
 * is only expected from the events the test lists as harmless.
 */
export interface FuzzCall {
  event: string;
  args: unknown[];
  withAck: boolean;
}

/** Frames above MAX_PAYLOAD_BYTES (64 KB by default): the server may close the connection. */
export const HUGE_STRING = "x".repeat(1024 * 1024);
export const HUGE_BUFFER = Buffer.alloc(1024 * 1024, 7);

/** Every field name the contracts use, so objects reach past "expected an object". */
const FIELDS = [
  "topic",
  "name",
  "email",
  "sessionId",
  "resumeToken",
  "lastSeq",
  "clientMessageId",
  "body",
  "isTyping",
  "seq",
  "rating",
  "comment",
  "status",
  "toAgentId",
  "query",
  "limit",
  "showId",
  "emoji",
  "messageId",
  "productId",
  "priceCents",
  "quantity",
  "durationSeconds",
  "perShopperLimit",
  "offerId",
  "clientClaimId",
  "highlighted",
  "userId",
  "minutes",
  "seconds",
  "enabled",
  "words",
  "orderId",
  "lastEventId",
];

const POLLUTION = { role: "ADMIN", sub: "attacker", isAdmin: true, isHost: true, ok: true, success: true, polluted: "yes" };
const pollutionJson = JSON.stringify(POLLUTION);

/** Objects whose own keys are __proto__ / constructor / prototype, as JSON.parse makes them. */
export const POLLUTERS: unknown[] = [
  JSON.parse(`{"__proto__": ${pollutionJson}}`),
  JSON.parse(`{"constructor": {"prototype": ${pollutionJson}}}`),
  JSON.parse(`{"prototype": ${pollutionJson}, "sessionId": {"__proto__": ${pollutionJson}}}`),
  JSON.parse(`{"showId": 1, "offerId": [], "__proto__": {"polluted": "yes"}, "constructor": {"name": "Object"}}`),
  JSON.parse(`[{"__proto__": ${pollutionJson}}, {"constructor": {"prototype": ${pollutionJson}}}]`),
];

export function nested(depth: number, kind: "object" | "array" | "proto"): unknown {
  if (kind === "proto") return JSON.parse(`${'{"__proto__":'.repeat(depth)}${pollutionJson}${"}".repeat(depth)}`);
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i += 1) value = kind === "array" ? [value] : { sessionId: value };
  return value;
}

/** Values that no field of any contract accepts. */
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(null, true, false, -1, 1.5, -2.5, 1e308, Number.MAX_SAFE_INTEGER + 2, "", "   ", "\u0000\u0001", "\n\t"), weight: 6 },
  { arbitrary: fc.string({ minLength: 2001, maxLength: 3000 }), weight: 1 },
  { arbitrary: fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }), weight: 2 },
  { arbitrary: fc.object({ maxDepth: 2 }), weight: 2 },
  { arbitrary: fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.from(a)), weight: 1 },
  { arbitrary: fc.constantFrom(...POLLUTERS), weight: 1 },
);

const value: fc.Arbitrary<unknown> = fc.oneof(
  {
    arbitrary: fc.anything({
      maxDepth: 3,
      maxKeys: 6,
      withBigInt: false,
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withDate: true,
      withTypedArray: true,
      withSparseArray: true,
      withNullPrototype: true,
      withObjectString: true,
      withUnicodeString: true,
    }),
    weight: 30,
  },
  { arbitrary: fc.dictionary(fc.constantFrom(...FIELDS), badValue, { maxKeys: 5 }), weight: 40 },
  { arbitrary: fc.constantFrom(...POLLUTERS), weight: 8 },
  { arbitrary: fc.constantFrom<"object" | "array" | "proto">("object", "array", "proto").map((kind) => nested(100, kind)), weight: 4 },
  { arbitrary: fc.uint8Array({ minLength: 1, maxLength: 4096 }).map((a) => ({ body: Buffer.from(a), showId: Buffer.from(a) })), weight: 3 },
  { arbitrary: fc.constantFrom(HUGE_STRING, HUGE_BUFFER, { body: HUGE_STRING, sessionId: "s", showId: "s" }), weight: 1 },
);

const args: fc.Arbitrary<unknown[]> = fc.oneof(
  { arbitrary: fc.tuple(value).map((t): unknown[] => t), weight: 8 },
  { arbitrary: fc.constant<unknown[]>([]), weight: 1 },
  { arbitrary: fc.array(value, { minLength: 2, maxLength: 5 }), weight: 1 },
);

export function callArbitrary(events: string[]): fc.Arbitrary<FuzzCall> {
  return fc.record({
    event: fc.constantFrom(...events),
    args,
    withAck: fc.oneof({ arbitrary: fc.constant(true), weight: 9 }, { arbitrary: fc.constant(false), weight: 1 }),
  });
}

/** The categories every event gets at least once, before the random calls. */
export function everyCategory(event: string): FuzzCall[] {
  const one = (...a: unknown[]): FuzzCall => ({ event, args: a, withAck: true });
  return [
    one(),
    one(null),
    one("a string"),
    one(42),
    one([]),
    one(HUGE_STRING),
    one({ body: HUGE_STRING, topic: HUGE_STRING }),
    one(HUGE_BUFFER),
    one(Buffer.from("binary payload")),
    one(nested(100, "object")),
    one(nested(100, "array")),
    one(nested(100, "proto")),
    ...POLLUTERS.map((p) => one(p)),
    one({}, { extra: true }, [1, 2, 3], "fourth"),
    { event, args: [{ sessionId: 1, showId: 1 }], withAck: false },
  ];
}

/** True when a call carries a frame bigger than any payload limit (the 1 MB values). */
export function isOversize(value: unknown, depth = 0): boolean {
  if (value === HUGE_STRING || value === HUGE_BUFFER) return true;
  if (depth > 120 || value === null || typeof value !== "object" || ArrayBuffer.isView(value)) return false;
  return Object.values(value).some((v) => isOversize(v, depth + 1));
}

export type Outcome =
  | { kind: "error"; code: string }
  | { kind: "success" }
  | { kind: "malformed"; ack: unknown }
  | { kind: "closed"; reason: string }
  | { kind: "unanswered" }
  | { kind: "sent" };

const codes = new Set<string>(errorCodes);

/** Sends one call and says how it ended (an ack's shape is judged here, once). */
export function send(socket: Socket, call: FuzzCall, timeoutMs: number): Promise<Outcome> {
  if (!call.withAck) {
    socket.emit(call.event, ...call.args);
    return Promise.resolve({ kind: "sent" });
  }
  return new Promise((resolve) => {
    const done = (outcome: Outcome) => {
      clearTimeout(timer);
      socket.off("disconnect", onClose);
      resolve(outcome);
    };
    const onClose = (reason: string) => done({ kind: "closed", reason });
    const timer = setTimeout(() => done({ kind: "unanswered" }), timeoutMs);
    socket.once("disconnect", onClose);
    socket.emit(call.event, ...call.args, (ack: unknown) => done(judge(ack)));
  });
}

function judge(ack: unknown): Outcome {
  const a = ack as { ok?: unknown; success?: unknown; error?: { code?: unknown; message?: unknown } } | null;
  if (a && (a.ok === true || a.success === true)) return { kind: "success" };
  const error = a && (a.ok === false || a.success === false) ? a.error : undefined;
  if (error && typeof error.code === "string" && codes.has(error.code) && typeof error.message === "string" && error.message.length > 0) {
    return { kind: "error", code: error.code };
  }
  return { kind: "malformed", ack };
}
