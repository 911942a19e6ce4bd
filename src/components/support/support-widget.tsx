"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { firstField } from "./first-field";
import { SupportPanel } from "./support-panel";
import { supportStorage } from "./support-storage";
import { useSupportChat } from "./use-support-chat";

// Agents work in their console; the embed page frames the panel itself.
const HIDDEN_ON = ["/agent", "/support/embed"];

/** The chat launcher in the corner of every storefront page, and its panel. */
export function SupportWidget() {
  const pathname = usePathname();
  if (HIDDEN_ON.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return null;
  return <FloatingChat />;
}

/**
 * A visitor who never opened the chat holds no support connection: the socket opens on the
 * first click, or at once for a browser that already has a conversation (to show its replies).
 */
function FloatingChat() {
  const [clicked, setClicked] = useState(false);
  const resuming = useSyncExternalStore(
    noSubscription,
    () => !!supportStorage.session(),
    () => false,
  );
  if (clicked || resuming) return <LiveChat initiallyOpen={clicked} />;
  return <Launcher open={false} unread={0} onClick={() => setClicked(true)} />;
}

const noSubscription = () => () => undefined;

function LiveChat({ initiallyOpen }: { initiallyOpen: boolean }) {
  const chat = useSupportChat();
  const [open, setOpen] = useState(initiallyOpen);
  const titleId = useId();
  const launcher = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const session = chat.session;
  const unread = session && !open ? chat.messages.filter((m) => m.seq > session.shopperReadSeq && m.senderRole === "AGENT").length : 0;

  // Opening moves focus into the panel; Escape or closing puts it back on the launcher.
  useEffect(() => {
    if (open && panel.current) firstField(panel.current)?.focus();
  }, [open, chat.loaded, session?.id]);
  const close = () => {
    setOpen(false);
    launcher.current?.focus();
  };

  return (
    <>
      {open && (
        <div
          ref={panel}
          role="dialog"
          aria-modal="false"
          aria-labelledby={titleId}
          onKeyDown={(e) => e.key === "Escape" && close()}
          className="fixed inset-0 z-50 flex flex-col overflow-hidden bg-sand-50 sm:inset-auto sm:right-5 sm:bottom-24 sm:h-[min(640px,calc(100dvh-8rem))] sm:w-[380px] sm:rounded-2xl sm:border sm:border-sand-200 sm:shadow-2xl"
        >
          <SupportPanel chat={chat} titleId={titleId} visible={open} onClose={close} />
        </div>
      )}
      <Launcher ref={launcher} open={open} unread={unread} onClick={() => (open ? close() : setOpen(true))} />
    </>
  );
}

function Launcher({ open, unread, onClick, ref }: { open: boolean; unread: number; onClick(): void; ref?: React.Ref<HTMLButtonElement> }) {
  return (
    <button
      ref={ref}
      type="button"
      onClick={onClick}
      aria-expanded={open}
      aria-label={open ? "Close chat" : unread ? `Chat with us, ${unread} unread` : "Chat with us"}
      data-testid="support-launcher"
      className={`fixed right-4 bottom-4 z-50 items-center gap-2 rounded-full bg-ember-600 px-4 py-3.5 font-semibold text-white shadow-lg shadow-ember-900/20 hover:bg-ember-700 sm:right-5 sm:bottom-5 ${open ? "hidden sm:inline-flex" : "inline-flex"}`}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 fill-none stroke-current stroke-2">
        {open ? <path d="M6 6l12 12M18 6L6 18" strokeLinecap="round" /> : <path d="M4 5h16v10H9l-5 4z" strokeLinejoin="round" />}
      </svg>
      <span className="hidden sm:inline">{open ? "Close" : "Chat with us"}</span>
      {unread > 0 && (
        <span aria-hidden="true" className="inline-flex min-w-5 items-center justify-center rounded-full bg-white px-1.5 text-xs font-bold text-ember-700">
          {unread}
        </span>
      )}
    </button>
  );
}
