"use client";

import Image from "next/image";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { AnalyticsPanel } from "@/components/live/analytics-panel";
import { ChatPanel, type Moderation } from "@/components/live/chat-panel";
import { ChatSettingsPanel } from "@/components/live/chat-settings";
import { chatClosedReason } from "@/components/live/chat-state";
import { LiveBadge } from "@/components/live/live-badge";
import { OfferCard } from "@/components/live/offer-card";
import { OfferForm } from "@/components/live/offer-form";
import { emitLive, useLiveShow } from "@/components/live/use-live-show";
import { useNow } from "@/components/live/use-now";
import { formatMoney } from "@/lib/money";
import type { Ack } from "@/realtime/ack";
import type { ShowSummary } from "@/server/live/shows";

function Panel({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section className="card p-4" aria-label={title}>
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 className="text-base font-bold">{title}</h2>
        {action}
      </div>
      {children}
    </section>
  );
}

/** The host's console for one show: go live / end, products, offers, moderation, analytics, chat. */
export function HostConsole({ summary }: { summary: ShowSummary }) {
  const live = useLiveShow(summary.id);
  const { socket, state } = live;
  const showId = summary.id;
  const [notice, setNotice] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const status = state?.show.status ?? summary.status;
  const products = state?.products ?? summary.products;
  const featuredId = state?.featuredProduct?.id ?? null;
  const now = useNow(1000);
  const offerRunning = !!live.offer && !live.offerEnded && new Date(live.offer.endsAt).getTime() > now && live.offer.claimed < live.offer.quantity;

  /** Runs a host action; its refusal (or a short confirmation) goes to the status line. */
  async function act<T>(run: Promise<Ack<T>>, ok?: string): Promise<Ack<T>> {
    const ack = await run;
    if (!ack.ok) setNotice({ kind: "error", text: ack.error.message });
    else if (ok) setNotice({ kind: "ok", text: ok });
    return ack;
  }

  const moderation: Moderation = {
    pin: (messageId) => void act(emitLive(socket, "pin_message", { showId, messageId }), messageId ? "Message pinned" : "Message unpinned"),
    highlight: (messageId, highlighted) => void act(emitLive(socket, "highlight_message", { showId, messageId, highlighted })),
    remove: (messageId) => void act(emitLive(socket, "delete_message", { showId, messageId }), "Message deleted"),
    mute: (userId, minutes) => void act(emitLive(socket, "mute_user", { showId, userId, minutes }), `Viewer muted for ${minutes} minutes`),
    ban: (userId) => {
      if (window.confirm("Ban this viewer from the show? They leave the show and cannot come back."))
        void act(emitLive(socket, "ban_user", { showId, userId }), "Viewer banned");
    },
  };

  return (
    <div className="flex flex-col gap-4 pb-8">
      <div className="flex flex-wrap items-center gap-3">
        <LiveBadge status={status} />
        {status === "LIVE" && (
          <span className="text-sm font-semibold" data-testid="host-viewer-count">
            {live.viewerCount.toLocaleString("en-US")} watching
          </span>
        )}
        <span className="text-sm text-cocoa-600">{live.connection === "connected" ? "Connected" : "Connecting…"}</span>
        <div className="ml-auto flex flex-wrap gap-2">
          <Link href={`/shows/${showId}`} className="btn-secondary" target="_blank">
            Open viewer page
          </Link>
          {status === "SCHEDULED" && (
            <button
              type="button"
              className="btn-primary"
              onClick={() => void act(emitLive(socket, "go_live", { showId }), "You are live!")}
              data-testid="go-live"
            >
              Go live
            </button>
          )}
          {status === "LIVE" && (
            <button
              type="button"
              className="btn bg-red-700 text-white hover:bg-red-800"
              onClick={() => window.confirm("End the show for everyone?") && void act(emitLive(socket, "end_stream", { showId }), "The show has ended")}
              data-testid="end-show"
            >
              End show
            </button>
          )}
          {status === "ENDED" && (
            <Link href={`/host/shows/${showId}/report`} className="btn-primary">
              View report
            </Link>
          )}
        </div>
      </div>
      <p
        role="status"
        aria-live="polite"
        className={`min-h-5 text-sm font-medium ${notice?.kind === "error" ? "text-red-700" : "text-emerald-800"}`}
        data-testid="host-notice"
      >
        {live.joinError ?? notice?.text}
      </p>

      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <div className="grid gap-4 md:grid-cols-2">
            <Panel title="Preview">
              <video
                className="aspect-video w-full rounded-xl bg-black"
                src={summary.videoUrl}
                autoPlay
                muted
                loop
                playsInline
                aria-label="Show video preview"
              />
            </Panel>
            <Panel title="Flash offer">
              {live.offer ? (
                <div className="flex flex-col gap-2">
                  <OfferCard offer={live.offer} ended={live.offerEnded} />
                  {offerRunning && (
                    <button
                      type="button"
                      className="btn-secondary"
                      onClick={() => live.offer && void act(emitLive(socket, "end_offer", { showId, offerId: live.offer.id }), "Offer ended")}
                    >
                      End offer now
                    </button>
                  )}
                </div>
              ) : (
                <p className="text-sm text-cocoa-600">No offer yet. Launch one below while you are live.</p>
              )}
            </Panel>
          </div>

          <Panel title="Products in this show">
            <ul className="grid gap-2 sm:grid-cols-2">
              {products.map((p) => {
                const featured = p.id === featuredId;
                return (
                  <li key={p.id} className={`flex items-center gap-3 rounded-xl border p-2 ${featured ? "border-ember-400 bg-ember-50" : "border-sand-200"}`}>
                    <div className="relative size-14 shrink-0 overflow-hidden rounded-lg bg-sand-100">
                      <Image src={p.imageUrl} alt="" fill unoptimized sizes="56px" className="object-cover" />
                    </div>
                    <div className="min-w-0 flex-1">
                      <p className="truncate text-sm font-semibold">{p.name}</p>
                      <p className="text-xs text-cocoa-600">
                        {formatMoney(p.priceCents)} · {p.stock} in stock
                      </p>
                    </div>
                    <button
                      type="button"
                      className={featured ? "btn-secondary px-3 py-1.5" : "btn-primary px-3 py-1.5"}
                      onClick={() =>
                        void act(
                          emitLive(socket, "feature_product", { showId, productId: featured ? null : p.id }),
                          featured ? "Product taken down" : `Featuring ${p.name}`,
                        )
                      }
                      aria-pressed={featured}
                      data-testid={`feature-${p.id}`}
                    >
                      {featured ? "Featured ✓" : "Feature"}
                    </button>
                  </li>
                );
              })}
            </ul>
          </Panel>

          <Panel title="Launch an offer">
            <OfferForm
              products={products}
              disabledReason={status !== "LIVE" ? "Go live to launch offers" : offerRunning ? "An offer is running: end it first" : null}
              onLaunch={(input) => act(emitLive(socket, "activate_offer", { showId, ...input }))}
            />
          </Panel>

          <Panel title="Live analytics" action={<span className="text-xs text-cocoa-600">updates every 5 s</span>}>
            {live.analytics ? (
              <AnalyticsPanel analytics={live.analytics} lastMinutes={30} />
            ) : (
              <p className="text-sm text-cocoa-600">Waiting for the first numbers…</p>
            )}
          </Panel>
        </div>

        <div className="flex min-w-0 flex-col gap-4">
          <ChatPanel
            className="h-[34rem]"
            messages={live.messages}
            pinned={state?.pinnedMessage ?? null}
            slowModeSeconds={state?.chat.slowModeSeconds ?? 0}
            disabledReason={chatClosedReason(live, live.connection, now)}
            onSend={(body) => emitLive(socket, "send_message", { showId, body })}
            moderation={moderation}
          />
          {state?.host && (
            <Panel title="Chat rules">
              <ChatSettingsPanel
                key={state.host.blockedWords.join(",")}
                chat={state.chat}
                blockedWords={state.host.blockedWords}
                onChatEnabled={(enabled) => act(emitLive(socket, "set_chat_enabled", { showId, enabled }))}
                onSlowMode={(seconds) => act(emitLive(socket, "set_slow_mode", { showId, seconds }))}
                onBlockedWords={(words) => act(emitLive(socket, "set_blocked_words", { showId, words }))}
              />
            </Panel>
          )}
        </div>
      </div>
    </div>
  );
}
