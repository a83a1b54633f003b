import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = { title: "Reseller Panel", description: "SMM services reseller panel" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request: Next.js puts this request's CSP nonce (proxy.ts) on its scripts, which
  // a page prerendered at build time could not carry.
  await headers();
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
