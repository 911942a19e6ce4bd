"use client";

import Image from "next/image";
import Link from "next/link";
import { ChatPanel } from "@/components/live/chat-panel";
import { chatClosedReason } from "@/components/live/chat-state";
import { FeaturedProduct } from "@/components/live/featured-product";
import { FloatingReactions } from "@/components/live/floating-reactions";
import { LiveBadge, ViewerCount } from "@/components/live/live-badge";
import { OfferCard } from "@/components/live/offer-card";
import { ReactionBar } from "@/components/live/reaction-bar";
import { RsvpButton } from "@/components/live/rsvp-button";
import { emitLive, useLiveShow } from "@/components/live/use-live-show";
import { useNow } from "@/components/live/use-now";
import { VideoStage } from "@/components/live/video-stage";
import { formatMoney } from "@/lib/money";
import type { ShowSummary } from "@/server/live/shows";

const when = (iso: string) => new Date(iso).toLocaleString([], { weekday: "long", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit" });

/** The viewer's page: video, reactions, the offer, the featured product and the chat. */
export function LiveViewer({ summary }: { summary: ShowSummary }) {
  const live = useLiveShow(summary.id);
  const { socket, state } = live;
  const now = useNow(5000);
  const status = state?.show.status ?? summary.status;
  const showId = summary.id;
  const products = state?.products ?? summary.products;
  const featured = state?.featuredProduct ?? null;
  const closed = chatClosedReason(live, live.connection, now);

  return (
    <div className="mx-auto grid max-w-7xl gap-4 px-3 py-4 sm:px-6 lg:grid-cols-[minmax(0,1fr)_24rem] lg:py-6">
      <div className="flex min-w-0 flex-col gap-4">
        {status === "SCHEDULED" ? (
          <div className="flex aspect-video flex-col items-center justify-center gap-3 rounded-2xl bg-gradient-to-br from-cocoa-800 to-ember-900 p-6 text-center text-white">
            <LiveBadge status="SCHEDULED" />
            <p className="text-lg font-semibold sm:text-2xl" suppressHydrationWarning>
              Starts {when(summary.scheduledAt)}
            </p>
            <p className="text-sm text-white/80">Stay on this page: the video starts by itself when the host goes live.</p>
          </div>
        ) : (
          <VideoStage
            src={summary.videoUrl}
            title={summary.title}
            live={status === "LIVE"}
            overlay={
              <>
                <div className="pointer-events-none absolute top-3 left-3 flex items-center gap-2">
                  <LiveBadge status={status} />
                  {status === "LIVE" && <ViewerCount count={live.viewerCount} />}
                </div>
                <FloatingReactions socket={socket} showId={showId} />
              </>
            }
          />
        )}
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h1 className="text-xl font-bold sm:text-2xl">{summary.title}</h1>
            <p className="text-sm text-cocoa-600">with {summary.hostName}</p>
          </div>
          {status === "LIVE" && (
            <ReactionBar onReact={(emoji) => void emitLive(socket, "add_reaction", { showId, emoji })} disabled={closed !== null && !state?.you.userId} />
          )}
        </div>
        {status === "SCHEDULED" && <RsvpButton showId={showId} initial={summary.rsvped} count={summary.rsvpCount} />}
        {summary.description && <p className="max-w-prose text-cocoa-700">{summary.description}</p>}
        {live.joinError && (
          <p role="alert" className="rounded-xl border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
            {live.joinError}
          </p>
        )}
        <div className="grid gap-4 md:grid-cols-2">
          {live.offer && (
            <OfferCard offer={live.offer} ended={live.offerEnded} onClaim={live.claim} canClaim={!!state?.you.userId && !live.banned && status === "LIVE"} />
          )}
          {featured && (
            <FeaturedProduct
              product={featured}
              onClick={(productId) => void emitLive(socket, "product_click", { showId, productId })}
              onCartAdd={(productId) => void emitLive(socket, "cart_add", { showId, productId })}
            />
          )}
        </div>
        {products.length > 0 && (
          <section aria-labelledby="show-products">
            <h2 id="show-products" className="mb-2 text-base font-bold">
              In this show
            </h2>
            <ul className="flex gap-3 overflow-x-auto pb-2">
              {products.map((p) => (
                <li key={p.id} className="w-32 shrink-0">
                  <Link
                    href={`/products/${p.slug}`}
                    onClick={() => void emitLive(socket, "product_click", { showId, productId: p.id })}
                    className="group block rounded-xl"
                  >
                    <div className="relative aspect-square overflow-hidden rounded-xl bg-sand-100">
                      <Image src={p.imageUrl} alt="" fill unoptimized sizes="128px" className="object-cover transition-transform group-hover:scale-105" />
                    </div>
                    <p className="mt-1 line-clamp-2 text-sm font-medium group-hover:text-ember-700">{p.name}</p>
                    <p className="text-sm text-cocoa-700">{formatMoney(p.priceCents)}</p>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <ChatPanel
        className="h-[32rem] lg:sticky lg:top-24 lg:h-[calc(100dvh-11rem)]"
        messages={live.messages}
        pinned={state?.pinnedMessage ?? null}
        slowModeSeconds={state?.chat.slowModeSeconds ?? 0}
        disabledReason={closed}
        onSend={(body) => emitLive(socket, "send_message", { showId, body })}
        onReact={status === "LIVE" ? (messageId) => void emitLive(socket, "add_reaction", { showId, emoji: "❤️", messageId }) : undefined}
      />
    </div>
  );
}
