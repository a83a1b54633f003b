import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { brandNameForRequest } from "@/components/layout/brand";
import { themeChoiceForRequest } from "@/components/layout/theme-choice-server";
import { Providers } from "@/components/providers";
import "./globals.css";

// Every page's title ends with the owner's panel name (admin settings); pages give only their own part.
export async function generateMetadata(): Promise<Metadata> {
  const brand = await brandNameForRequest();
  return { title: { default: brand, template: `%s — ${brand}` }, description: "SMM services reseller panel" };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request: Next.js puts this request's CSP nonce (proxy.ts) on its scripts, which
  // a page prerendered at build time could not carry.
  await headers();
  // A chosen theme is in the first byte of HTML; without one the CSS follows the system setting.
  const theme = await themeChoiceForRequest();
  return (
    <html lang="en" data-theme={theme === "system" ? undefined : theme}>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
