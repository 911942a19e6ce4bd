"use client";

import { z } from "zod";
import { messageViewSchema, sessionViewSchema } from "@/realtime/support-chat";

/**
 * What the widget keeps in localStorage so a reload, a lost network or a closed tab loses
 * nothing: which conversation (and its resume token), its transcript, and unsent messages.
 */
const KEYS = { session: "calor.support.session", transcript: "calor.support.transcript", outbox: "calor.support.outbox" } as const;
const TRANSCRIPT_KEPT = 200;

const storedSessionSchema = z.object({ sessionId: z.string(), resumeToken: z.string().nullable() });
const transcriptSchema = z.object({ session: sessionViewSchema, messages: z.array(messageViewSchema) });
export const pendingMessageSchema = z.object({
  sessionId: z.string(),
  clientMessageId: z.string(),
  body: z.string(),
  createdAt: z.string(),
  /** Set when the service refused it for good (shown with a way to discard it). */
  error: z.string().nullable(),
});

export type StoredSession = z.infer<typeof storedSessionSchema>;
export type StoredTranscript = z.infer<typeof transcriptSchema>;
export type PendingMessage = z.infer<typeof pendingMessageSchema>;

// Storage can be missing or refuse writes (private modes, sandboxed frames): the chat still works.
function read<T>(key: string, schema: z.ZodType<T>): T | null {
  try {
    const raw = localStorage.getItem(key);
    const parsed = raw ? schema.safeParse(JSON.parse(raw)) : null;
    return parsed?.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Nothing to do: the conversation goes on without surviving a reload.
  }
}

export const supportStorage = {
  session: () => read(KEYS.session, storedSessionSchema),
  saveSession: (value: StoredSession | null) => write(KEYS.session, value),
  transcript: () => read(KEYS.transcript, transcriptSchema),
  saveTranscript: (value: StoredTranscript | null) => write(KEYS.transcript, value && { ...value, messages: value.messages.slice(-TRANSCRIPT_KEPT) }),
  outbox: () => read(KEYS.outbox, z.array(pendingMessageSchema)) ?? [],
  saveOutbox: (value: PendingMessage[]) => write(KEYS.outbox, value.length ? value : null),
  clear() {
    for (const key of Object.values(KEYS)) write(key, null);
  },
};
