import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { SupportWidget } from "@/components/support/support-widget";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "CALOR — warm things, live", template: "%s · CALOR" },
  description: "CALOR is a live-shopping storefront: browse, watch live shows, and chat with us.",
};

export const viewport: Viewport = { themeColor: "#d94408", width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col">
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <SiteHeader />
        {/* The one <main> of every page: pages render sections inside it. */}
        <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
          {children}
        </main>
        <SiteFooter />
        <SupportWidget />
      </body>
    </html>
  );
}
