"use client";

import { useEffect, useId, useRef, useState } from "react";
import { firstField } from "./first-field";
import { SupportPanel } from "./support-panel";
import { useSupportChat } from "./use-support-chat";

/**
 * The chat inside /widget.js's frame on another site. It covers the whole frame and talks to
 * the host page with postMessage: "open"/"close" in, "close" and the unread count out. Nothing
 * secret crosses: the conversation stays in this origin's storage and socket.
 */
export function EmbeddedChat() {
  const chat = useSupportChat();
  const titleId = useId();
  const root = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(true);
  const session = chat.session;
  const unread = session && !visible ? chat.messages.filter((m) => m.seq > session.shopperReadSeq && m.senderRole === "AGENT").length : 0;

  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      if (e.source !== window.parent) return;
      const type = (e.data as { type?: unknown } | null)?.type;
      if (type === "calor-support:open") setVisible(true);
      if (type === "calor-support:close") setVisible(false);
    };
    window.addEventListener("message", onMessage);
    window.parent.postMessage({ type: "calor-support:ready" }, "*");
    return () => window.removeEventListener("message", onMessage);
  }, []);

  useEffect(() => {
    window.parent.postMessage({ type: "calor-support:unread", count: unread }, "*");
  }, [unread]);

  useEffect(() => {
    if (visible && root.current) firstField(root.current)?.focus();
  }, [visible, chat.loaded, session?.id]);

  return (
    <div ref={root} role="dialog" aria-labelledby={titleId} className="fixed inset-0 z-[100] flex flex-col bg-sand-50">
      <SupportPanel
        chat={chat}
        titleId={titleId}
        visible={visible}
        onClose={() => {
          setVisible(false);
          window.parent.postMessage({ type: "calor-support:close" }, "*");
        }}
      />
    </div>
  );
}
