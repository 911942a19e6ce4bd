import { z } from "zod";
import type { AckFn } from "@/realtime/ack";

/**
 * The live-shopping contract (service on port 3032): what viewers' pages, the host console and
 * the service say to each other. The first sixteen event names come from the earlier product's
 * documents and are fixed; docs/live-stream.md describes every event, its payload, ack and limits.
 */

export const LIVE_LIMITS = {
  messageChars: 300,
  recentMessages: 50,
  blockedWords: 200,
  blockedWordChars: 40,
  muteMinutesMax: 24 * 60,
  slowModeSecondsMax: 600,
  offerSecondsMin: 10,
  offerSecondsMax: 60 * 60,
  offerQuantityMax: 100_000,
  perShopperLimitMax: 10,
  /** How long a won unit stays reserved in the shopper's cart. */
  reservationMinutes: 10,
  /** viewer_count_update is sent at most this often per show. */
  viewerCountEveryMs: 1000,
  /** Reactions and offer_claimed are coalesced over this window under bursts. */
  coalesceMs: 250,
  /** analytics_update reaches the host room this often. */
  analyticsEveryMs: 5000,
} as const;

export const REACTIONS = ["❤️", "🔥", "😂", "👏", "😮", "🛍️"] as const;

// ── Rooms: named here only ─────────────────────────────────────────────────────────────────

/** Everyone watching one show. */
export const showRoom = (showId: string) => `show:${showId}`;
/** The show's host and admins: analytics and moderation echoes. */
export const hostRoom = (showId: string) => `show:${showId}:host`;

// ── Client → server payloads ────────────────────────────────────────────────────────────────

const id = z.string().min(1, "is required").max(64, "is too long");
const showRef = { showId: id };

export const showRefSchema = z.object(showRef);
export const sendMessageSchema = z.object({
  ...showRef,
  body: z
    .string()
    .transform((s) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "").trim())
    .pipe(z.string().min(1, "cannot be empty").max(LIVE_LIMITS.messageChars, `must be at most ${LIVE_LIMITS.messageChars} characters`)),
});
export const addReactionSchema = z.object({
  ...showRef,
  emoji: z.enum(REACTIONS, { message: `must be one of ${REACTIONS.join(" ")}` }),
  /** A reaction to one chat message; without it, a reaction to the show (floats over the video). */
  messageId: id.optional(),
});
export const productRefSchema = z.object({ ...showRef, productId: id });
/** productId null takes the featured product down. */
export const featureProductSchema = z.object({ ...showRef, productId: id.nullable() });
export const activateOfferSchema = z.object({
  ...showRef,
  productId: id,
  priceCents: z.number().int("must be whole cents").min(1, "must be at least 1 cent"),
  quantity: z.number().int().min(1, "must be at least 1").max(LIVE_LIMITS.offerQuantityMax),
  durationSeconds: z
    .number()
    .int()
    .min(LIVE_LIMITS.offerSecondsMin, `must be at least ${LIVE_LIMITS.offerSecondsMin} seconds`)
    .max(LIVE_LIMITS.offerSecondsMax, `must be at most ${LIVE_LIMITS.offerSecondsMax} seconds`),
  perShopperLimit: z.number().int().min(1).max(LIVE_LIMITS.perShopperLimitMax).default(1),
});
export const offerRefSchema = z.object({ ...showRef, offerId: id });
export const claimOfferSchema = z.object({
  offerId: id,
  /** Chosen by the client (a UUID) and reused on retry: a retry is never a second claim. */
  clientClaimId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "must be 8–64 letters, digits, - or _"),
});
export const messageRefSchema = z.object({ ...showRef, messageId: id });
/** messageId null unpins. */
export const pinMessageSchema = z.object({ ...showRef, messageId: id.nullable() });
export const highlightMessageSchema = z.object({ ...showRef, messageId: id, highlighted: z.boolean().default(true) });
export const muteUserSchema = z.object({
  ...showRef,
  userId: id,
  minutes: z.number().int().min(1, "must be at least 1").max(LIVE_LIMITS.muteMinutesMax, `must be at most ${LIVE_LIMITS.muteMinutesMax}`),
});
export const userRefSchema = z.object({ ...showRef, userId: id });
export const setSlowModeSchema = z.object({
  ...showRef,
  seconds: z.number().int().min(0).max(LIVE_LIMITS.slowModeSecondsMax, `must be at most ${LIVE_LIMITS.slowModeSecondsMax}`),
});
export const setChatEnabledSchema = z.object({ ...showRef, enabled: z.boolean() });
export const setBlockedWordsSchema = z.object({
  ...showRef,
  words: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .min(1)
        .max(LIVE_LIMITS.blockedWordChars, `must be at most ${LIVE_LIMITS.blockedWordChars} characters`)
        .regex(/^[^,]+$/, "cannot contain a comma"),
    )
    .max(LIVE_LIMITS.blockedWords, `at most ${LIVE_LIMITS.blockedWords} words`),
});

// ── Server → client payloads ────────────────────────────────────────────────────────────────

export const showStatusSchema = z.enum(["SCHEDULED", "LIVE", "ENDED"]);

export const productCardSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  priceCents: z.number().int(),
  imageUrl: z.string(),
  stock: z.number().int(),
});

export const chatMessageSchema = z.object({
  id: z.string(),
  showId: z.string(),
  userId: z.string(),
  userName: z.string(),
  /** Plain text: render it as text, never as HTML. */
  body: z.string(),
  highlighted: z.boolean(),
  fromHost: z.boolean(),
  createdAt: z.string(),
});

export const offerViewSchema = z.object({
  id: z.string(),
  showId: z.string(),
  product: productCardSchema,
  priceCents: z.number().int(),
  quantity: z.number().int(),
  claimed: z.number().int(),
  perShopperLimit: z.number().int(),
  endsAt: z.string(),
});

export const chatSettingsSchema = z.object({ showId: z.string(), enabled: z.boolean(), slowModeSeconds: z.number().int() });

export const seriesPointSchema = z.object({
  minute: z.string(),
  viewers: z.number().int(),
  peakViewers: z.number().int(),
  messages: z.number().int(),
  reactions: z.number().int(),
  productClicks: z.number().int(),
  cartAdds: z.number().int(),
  offerClaims: z.number().int(),
});

export const productFunnelSchema = z.object({
  productId: z.string(),
  name: z.string(),
  views: z.number().int(),
  clicks: z.number().int(),
  cartAdds: z.number().int(),
  purchases: z.number().int(),
});

export const analyticsSchema = z.object({
  showId: z.string(),
  at: z.string(),
  currentViewers: z.number().int(),
  peakViewers: z.number().int(),
  uniqueViewers: z.number().int(),
  watchSeconds: z.number().int(),
  messages: z.number().int(),
  /** Messages in the last full minute. */
  messagesPerMinute: z.number().int(),
  reactions: z.number().int(),
  productClicks: z.number().int(),
  cartAdds: z.number().int(),
  offerClaims: z.number().int(),
  orders: z.number().int(),
  revenueCents: z.number().int(),
  series: z.array(seriesPointSchema),
  products: z.array(productFunnelSchema),
});

export const streamStateSchema = z.object({
  show: z.object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    videoUrl: z.string(),
    status: showStatusSchema,
    scheduledAt: z.string(),
    startedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    hostId: z.string(),
    hostName: z.string(),
  }),
  chat: chatSettingsSchema,
  products: z.array(productCardSchema),
  featuredProduct: productCardSchema.nullable(),
  pinnedMessage: chatMessageSchema.nullable(),
  activeOffer: offerViewSchema.nullable(),
  recentMessages: z.array(chatMessageSchema),
  viewerCount: z.number().int(),
  you: z.object({
    userId: z.string().nullable(),
    isHost: z.boolean(),
    mutedUntil: z.string().nullable(),
  }),
  /** Only for the show's host and admins. */
  host: z.object({ blockedWords: z.array(z.string()), analytics: analyticsSchema.nullable() }).nullable(),
});

export const claimOutcomeSchema = z.enum(["won", "sold_out", "already_claimed", "expired"]);
export const claimResultSchema = z.object({
  outcome: claimOutcomeSchema,
  offerId: z.string(),
  /** Set when won (also on a retry of a won claim). */
  claimId: z.string().nullable(),
  cartItemId: z.string().nullable(),
  priceCents: z.number().int(),
  reservedUntil: z.string().nullable(),
});

export const reactionBatchSchema = z.object({
  showId: z.string(),
  /** Reactions since the previous batch, counted per emoji (and message). */
  reactions: z.array(z.object({ emoji: z.enum(REACTIONS), messageId: z.string().nullable(), count: z.number().int() })),
});

export const offerClaimedSchema = z.object({
  showId: z.string(),
  offerId: z.string(),
  claimed: z.number().int(),
  quantity: z.number().int(),
  remaining: z.number().int(),
});

export const offerEndedSchema = z.object({
  showId: z.string(),
  offerId: z.string(),
  reason: z.enum(["expired", "sold_out", "ended"]),
});

export const streamStatusSchema = z.object({
  showId: z.string(),
  status: showStatusSchema,
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});

export const sanctionSchema = z.object({ showId: z.string(), mutedUntil: z.string().nullable(), banned: z.boolean() });

// ── Types (from the schemas, never written twice) ───────────────────────────────────────────

export type ShowStatus = z.infer<typeof showStatusSchema>;
export type ProductCard = z.infer<typeof productCardSchema>;
export type ChatMessage = z.infer<typeof chatMessageSchema>;
export type OfferView = z.infer<typeof offerViewSchema>;
export type ChatSettings = z.infer<typeof chatSettingsSchema>;
export type SeriesPoint = z.infer<typeof seriesPointSchema>;
export type ProductFunnel = z.infer<typeof productFunnelSchema>;
export type ShowAnalytics = z.infer<typeof analyticsSchema>;
export type StreamState = z.infer<typeof streamStateSchema>;
export type ClaimOutcome = z.infer<typeof claimOutcomeSchema>;
export type ClaimResult = z.infer<typeof claimResultSchema>;
export type ReactionBatch = z.infer<typeof reactionBatchSchema>;
export type OfferClaimed = z.infer<typeof offerClaimedSchema>;
export type OfferEnded = z.infer<typeof offerEndedSchema>;
export type StreamStatus = z.infer<typeof streamStatusSchema>;
export type Sanction = z.infer<typeof sanctionSchema>;
export type Reaction = (typeof REACTIONS)[number];

type In<S extends z.ZodType> = z.input<S>;
type Empty = Record<string, never>;

/** What the browser may emit; every event takes an ack `{ ok, data } | { ok: false, error }`. */
export interface LiveClientToServer {
  join_stream: (p: In<typeof showRefSchema>, ack: AckFn<StreamState>) => void;
  leave_stream: (p: In<typeof showRefSchema>, ack: AckFn<Empty>) => void;
  send_message: (p: In<typeof sendMessageSchema>, ack: AckFn<ChatMessage>) => void;
  add_reaction: (p: In<typeof addReactionSchema>, ack: AckFn<Empty>) => void;
  product_click: (p: In<typeof productRefSchema>, ack: AckFn<Empty>) => void;
  cart_add: (p: In<typeof productRefSchema>, ack: AckFn<Empty>) => void;
  claim_offer: (p: In<typeof claimOfferSchema>, ack: AckFn<ClaimResult>) => void;
  // host (or admin) only
  go_live: (p: In<typeof showRefSchema>, ack: AckFn<StreamStatus>) => void;
  end_stream: (p: In<typeof showRefSchema>, ack: AckFn<StreamStatus>) => void;
  feature_product: (p: In<typeof featureProductSchema>, ack: AckFn<{ product: ProductCard | null }>) => void;
  activate_offer: (p: In<typeof activateOfferSchema>, ack: AckFn<OfferView>) => void;
  end_offer: (p: In<typeof offerRefSchema>, ack: AckFn<OfferEnded>) => void;
  pin_message: (p: In<typeof pinMessageSchema>, ack: AckFn<{ message: ChatMessage | null }>) => void;
  highlight_message: (p: In<typeof highlightMessageSchema>, ack: AckFn<{ messageId: string; highlighted: boolean }>) => void;
  delete_message: (p: In<typeof messageRefSchema>, ack: AckFn<{ messageId: string }>) => void;
  mute_user: (p: In<typeof muteUserSchema>, ack: AckFn<Sanction>) => void;
  ban_user: (p: In<typeof userRefSchema>, ack: AckFn<Sanction>) => void;
  lift_sanctions: (p: In<typeof userRefSchema>, ack: AckFn<Sanction>) => void;
  set_slow_mode: (p: In<typeof setSlowModeSchema>, ack: AckFn<ChatSettings>) => void;
  set_chat_enabled: (p: In<typeof setChatEnabledSchema>, ack: AckFn<ChatSettings>) => void;
  set_blocked_words: (p: In<typeof setBlockedWordsSchema>, ack: AckFn<{ words: string[] }>) => void;
}

export interface LiveServerToClient {
  viewer_count_update: (p: { showId: string; count: number }) => void;
  new_message: (p: ChatMessage) => void;
  message_deleted: (p: { showId: string; messageId: string }) => void;
  message_pinned: (p: { showId: string; message: ChatMessage | null }) => void;
  message_highlighted: (p: { showId: string; messageId: string; highlighted: boolean }) => void;
  reaction_added: (p: ReactionBatch) => void;
  product_featured: (p: { showId: string; product: ProductCard | null }) => void;
  offer_activated: (p: OfferView) => void;
  offer_claimed: (p: OfferClaimed) => void;
  offer_ended: (p: OfferEnded) => void;
  stream_status: (p: StreamStatus) => void;
  chat_settings_updated: (p: ChatSettings) => void;
  /** To the sanctioned identity's own sockets only. */
  sanction_updated: (p: Sanction) => void;
  /** To the host room only. */
  analytics_update: (p: ShowAnalytics) => void;
}
