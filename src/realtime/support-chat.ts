import { z } from "zod";
import type { Ack, AckFn } from "@/realtime/ack";

/**
 * The support-chat contract (service on port 3031): what shoppers' widgets, the agent console
 * and the service say to each other. Event names come from the earlier product's documents;
 * docs/support-chat.md describes every event, its payload, ack and errors.
 */

export const SUPPORT_LIMITS = {
  messageChars: 2000,
  topicChars: 120,
  nameChars: 80,
  commentChars: 1000,
  /**
   * Messages (and notes) one identity may send per window, across all its sockets: 4/s
   * sustained, so a shopper sending 2 short lines a second for a while, or an agent answering
   * three chats at once, is never refused, while a script sending in a loop is held to 4
   * stored messages a second. A window's points stay below the bootstrap's 20 events/s per
   * identity, so a whole window can go out in one burst (what the limit's test sends).
   */
  messagesPerWindow: 16,
  windowSeconds: 4,
  /** A conversation this long is closed to new messages, which also bounds a full resync. */
  messagesPerSession: 1000,
  /** Open (queued or active) conversations one shopper may have at once. */
  openSessionsPerShopper: 3,
  searchResults: 50,
  /** Waiting conversations an agent's queue shows (the oldest); `waiting` counts them all. */
  queueShown: 100,
} as const;

// ── Client → server payloads ────────────────────────────────────────────────────────────────

const id = z.string().min(1, "is required").max(64, "is too long");
/** Chosen by the client, so a retried send (after a timeout or a reconnect) is recognised. */
const clientMessageId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "must be 8–64 letters, digits, - or _");
const messageBody = z.string().trim().min(1, "cannot be empty").max(SUPPORT_LIMITS.messageChars, `must be at most ${SUPPORT_LIMITS.messageChars} characters`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .optional()
    .transform((v) => v || undefined);
/** 32 random bytes, base64url: 43 characters. */
const resumeToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "is not a resume token");
const noPayload = z.object({}).optional();

export const startSessionSchema = z.object({
  topic: z.string().trim().min(1, "is required").max(SUPPORT_LIMITS.topicChars, `must be at most ${SUPPORT_LIMITS.topicChars} characters`),
  name: optionalText(SUPPORT_LIMITS.nameChars),
  email: z
    .email("is not an email address")
    .max(254)
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

export const rejoinSessionSchema = z
  .object({
    sessionId: id.optional(),
    resumeToken: resumeToken.optional(),
    /** The highest seq the client already has; everything after it comes back. */
    lastSeq: z.number().int().min(0).default(0),
  })
  .refine((p) => p.sessionId || p.resumeToken, { message: "sessionId or resumeToken is required", path: ["sessionId"] });

export const sendMessageSchema = z.object({ sessionId: id, clientMessageId, body: messageBody });
export const typingSchema = z.object({ sessionId: id, isTyping: z.boolean() });
export const markReadSchema = z.object({ sessionId: id, seq: z.number().int().min(0) });
export const sessionRefSchema = z.object({ sessionId: id });
export const rateSessionSchema = z.object({
  sessionId: id,
  rating: z.number().int().min(1, "must be 1 to 5").max(5, "must be 1 to 5"),
  comment: optionalText(SUPPORT_LIMITS.commentChars),
});
export const setContactSchema = z.object({
  sessionId: id,
  email: z.email("is not an email address").max(254),
  name: optionalText(SUPPORT_LIMITS.nameChars),
});

export const agentStatusSchema = z.enum(["online", "away", "offline"]);
export const setAgentStatusSchema = z.object({ status: agentStatusSchema });
export const transferSessionSchema = z.object({ sessionId: id, toAgentId: id });
export const addNoteSchema = sendMessageSchema;
export const sessionStatusSchema = z.enum(["QUEUED", "ACTIVE", "ENDED"]);
export const searchSessionsSchema = z.object({
  query: optionalText(100),
  status: sessionStatusSchema.optional(),
  limit: z.number().int().min(1).max(SUPPORT_LIMITS.searchResults).default(20),
});
export const emptySchema = noPayload;

// ── Server → client payloads ────────────────────────────────────────────────────────────────

export const sideSchema = z.enum(["shopper", "agent"]);
export const messageViewSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  seq: z.number().int(),
  /** NOTE is internal: only the agent side ever receives it. */
  kind: z.enum(["MESSAGE", "NOTE", "SYSTEM"]),
  senderRole: z.enum(["SHOPPER", "AGENT", "SYSTEM"]),
  senderName: z.string(),
  body: z.string(),
  clientMessageId: z.string().nullable(),
  createdAt: z.string(),
});

export const sessionViewSchema = z.object({
  id: z.string(),
  status: sessionStatusSchema,
  topic: z.string(),
  shopperName: z.string(),
  email: z.string().nullable(),
  agent: z.object({ id: z.string(), name: z.string() }).nullable(),
  offline: z.boolean(),
  createdAt: z.string(),
  claimedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  lastSeq: z.number().int(),
  shopperReadSeq: z.number().int(),
  agentReadSeq: z.number().int(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
});

export const queuePositionSchema = z.object({
  sessionId: z.string(),
  position: z.number().int(),
  /** null when no agent is online: nobody can say. */
  estimatedWaitMinutes: z.number().int().nullable(),
  agentsOnline: z.number().int(),
});

export const sessionStartedSchema = z.object({
  session: sessionViewSchema,
  /** Shown once, kept by the client: it reopens the conversation from any device. */
  resumeToken: z.string(),
  messages: z.array(messageViewSchema),
  queue: queuePositionSchema.nullable(),
});

export const rejoinResultSchema = z.object({
  session: sessionViewSchema,
  /** Every message after the requested lastSeq, in seq order. */
  messages: z.array(messageViewSchema),
  queue: queuePositionSchema.nullable(),
  side: sideSchema,
});

export const agentPresenceSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: agentStatusSchema,
  activeChats: z.number().int(),
  maxChats: z.number().int(),
});

/** A waiting conversation as agents see it; queues are ordered by `createdAt` (then `sessionId`). */
export const queueEntrySchema = z.object({
  sessionId: z.string(),
  topic: z.string(),
  shopperName: z.string(),
  offline: z.boolean(),
  createdAt: z.string(),
  lastMessage: z.string().nullable(),
});

/** The whole queue as one read saw it: the ack of `set_agent_status` and `get_queue`. */
export const queueSnapshotSchema = z.object({
  /** Milliseconds since the epoch when it was read. */
  at: z.number(),
  /** How many conversations wait in all. */
  waiting: z.number().int(),
  /** The oldest `SUPPORT_LIMITS.queueShown` waiting conversations, oldest first. */
  sessions: z.array(queueEntrySchema),
  /** Agents online or away. */
  agents: z.array(agentPresenceSchema),
});

/**
 * What changed since the last `queue_changed` of the instance that sends it (changes within
 * ~100 ms are coalesced into one): each entry is the entity's state when `at` was read, so a
 * client applies an entry only over what it holds from an older `at` (instances can cross on
 * the wire). Every agent receives every change once, instead of the whole queue on every change.
 */
export const queueChangeSchema = z.object({
  at: z.number(),
  waiting: z.number().int(),
  /** Waiting conversations that joined the shown part of the queue or changed (topic, name, last message). */
  sessions: z.array(queueEntrySchema),
  /** Conversations that left the queue (claimed, ended); a client drops them. */
  removedSessions: z.array(z.string()),
  /** Agents whose status or load changed. */
  agents: z.array(agentPresenceSchema),
  /** Agents that went offline or whose last socket closed. */
  removedAgents: z.array(z.string()),
});

export const shopperContextSchema = z.object({
  shopper: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    isGuest: z.boolean(),
    memberSince: z.string(),
  }),
  cart: z.object({
    lines: z.array(z.object({ productId: z.string(), name: z.string(), quantity: z.number().int(), unitPriceCents: z.number().int() })),
    totalCents: z.number().int(),
  }),
  orders: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      status: z.string(),
      totalCents: z.number().int(),
      itemCount: z.number().int(),
      createdAt: z.string(),
    }),
  ),
  previousSessions: z.number().int(),
});

export const cannedResponseSchema = z.object({ id: z.string(), shortcut: z.string(), title: z.string(), body: z.string() });

export type StartSessionPayload = z.input<typeof startSessionSchema>;
export type RejoinSessionPayload = z.input<typeof rejoinSessionSchema>;
export type SendMessagePayload = z.input<typeof sendMessageSchema>;
export type TypingPayload = z.input<typeof typingSchema>;
export type MarkReadPayload = z.input<typeof markReadSchema>;
export type SessionRef = z.input<typeof sessionRefSchema>;
export type RateSessionPayload = z.input<typeof rateSessionSchema>;
export type SetContactPayload = z.input<typeof setContactSchema>;
export type AgentStatus = z.infer<typeof agentStatusSchema>;
export type SetAgentStatusPayload = z.input<typeof setAgentStatusSchema>;
export type TransferSessionPayload = z.input<typeof transferSessionSchema>;
export type AddNotePayload = z.input<typeof addNoteSchema>;
export type SearchSessionsPayload = z.input<typeof searchSessionsSchema>;
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export type Side = z.infer<typeof sideSchema>;
export type MessageView = z.infer<typeof messageViewSchema>;
export type SessionView = z.infer<typeof sessionViewSchema>;
export type QueuePosition = z.infer<typeof queuePositionSchema>;
export type SessionStarted = z.infer<typeof sessionStartedSchema>;
export type RejoinResult = z.infer<typeof rejoinResultSchema>;
export type AgentPresence = z.infer<typeof agentPresenceSchema>;
export type QueueEntry = z.infer<typeof queueEntrySchema>;
export type QueueSnapshot = z.infer<typeof queueSnapshotSchema>;
export type QueueChange = z.infer<typeof queueChangeSchema>;
export type ShopperContext = z.infer<typeof shopperContextSchema>;
export type CannedResponse = z.infer<typeof cannedResponseSchema>;

export interface UserTyping {
  sessionId: string;
  from: Side;
  name: string;
  isTyping: boolean;
}
export interface MessagesRead {
  sessionId: string;
  reader: Side;
  /** Every message up to and including this seq has been read by `reader`. */
  seq: number;
}
export interface SessionEnded {
  sessionId: string;
  endedBy: Side;
  session: SessionView;
}
export interface SessionUpdated {
  session: SessionView;
}
export interface SessionAssigned {
  session: SessionView;
  reason: "claimed" | "transferred";
  from: { id: string; name: string } | null;
}
export interface SessionUnassigned {
  sessionId: string;
  reason: "released" | "transferred";
}
export interface AgentStatusResult {
  status: AgentStatus;
  queue: QueueSnapshot;
}
export interface Transcript {
  session: SessionView;
  messages: MessageView[];
}
export interface SearchResult {
  sessions: { session: SessionView; snippet: string | null }[];
}

// ── Event maps ──────────────────────────────────────────────────────────────────────────────

export interface SupportClientToServer {
  start_session: (payload: StartSessionPayload, ack: AckFn<SessionStarted>) => void;
  rejoin_session: (payload: RejoinSessionPayload, ack: AckFn<RejoinResult>) => void;
  send_message: (payload: SendMessagePayload, ack: AckFn<MessageView>) => void;
  typing: (payload: TypingPayload, ack?: AckFn<null>) => void;
  mark_read: (payload: MarkReadPayload, ack: AckFn<MessagesRead>) => void;
  end_session: (payload: SessionRef, ack: AckFn<SessionView>) => void;
  rate_session: (payload: RateSessionPayload, ack: AckFn<SessionView>) => void;
  set_contact: (payload: SetContactPayload, ack: AckFn<SessionView>) => void;
  /** Shoppers: their open conversations; agents: the ones assigned to them. */
  list_my_sessions: (payload: Record<string, never>, ack: AckFn<SessionView[]>) => void;
  // Agents (role AGENT; ADMIN allowed)
  set_agent_status: (payload: SetAgentStatusPayload, ack: AckFn<AgentStatusResult>) => void;
  get_queue: (payload: Record<string, never>, ack: AckFn<QueueSnapshot>) => void;
  claim_session: (payload: SessionRef, ack: AckFn<SessionView>) => void;
  release_session: (payload: SessionRef, ack: AckFn<SessionView>) => void;
  transfer_session: (payload: TransferSessionPayload, ack: AckFn<SessionView>) => void;
  add_note: (payload: AddNotePayload, ack: AckFn<MessageView>) => void;
  search_sessions: (payload: SearchSessionsPayload, ack: AckFn<SearchResult>) => void;
  get_transcript: (payload: SessionRef, ack: AckFn<Transcript>) => void;
  get_shopper_context: (payload: SessionRef, ack: AckFn<ShopperContext>) => void;
  list_canned_responses: (payload: Record<string, never>, ack: AckFn<CannedResponse[]>) => void;
}

export interface SupportServerToClient {
  session_started: (payload: SessionStarted) => void;
  message: (payload: MessageView) => void;
  user_typing: (payload: UserTyping) => void;
  messages_read: (payload: MessagesRead) => void;
  session_ended: (payload: SessionEnded) => void;
  session_updated: (payload: SessionUpdated) => void;
  queue_position: (payload: QueuePosition) => void;
  // Agents
  queue_changed: (payload: QueueChange) => void;
  session_assigned: (payload: SessionAssigned) => void;
  session_unassigned: (payload: SessionUnassigned) => void;
}

/** The payload a client sends with event E, and the data its successful ack carries. */
export type SupportPayload<E extends keyof SupportClientToServer> = Parameters<SupportClientToServer[E]>[0];
export type SupportAckData<E extends keyof SupportClientToServer> = NonNullable<Parameters<SupportClientToServer[E]>[1]> extends AckFn<infer T> ? T : never;
export type SupportAck<E extends keyof SupportClientToServer> = Ack<SupportAckData<E>>;

// ── Rooms (named only here) ─────────────────────────────────────────────────────────────────

export const supportRooms = {
  /** The shopper's devices and the assigned agent's sockets: what both sides may see. */
  session: (sessionId: string) => `support:session:${sessionId}`,
  /** Every socket of one agent: internal notes and assignment changes. */
  agent: (agentId: string) => `support:agent:${agentId}`,
  /** Every agent socket: changes to the waiting queue and to who is online. */
  queue: () => "support:queue",
} as const;
