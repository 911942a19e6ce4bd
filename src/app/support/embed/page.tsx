import type { Metadata } from "next";
import { EmbeddedChat } from "@/components/support/embedded-chat";

export const metadata: Metadata = { title: "Chat with CALOR", robots: { index: false } };

/** The page /widget.js frames on other sites: only the chat, covering the storefront chrome. */
export default function SupportEmbedPage() {
  return <EmbeddedChat />;
}
