// The frame of every signed-in page: a skip link, the header (full navigation from tablet width,
// a menu on phones), the page, and the place of the toasts that actions report their outcome in
// (loaded when first needed, see toasts.tsx). It also gives every time on the page the reader's
// zone (TimeZoneProvider) and, for customers, shows the balance (header-balance.tsx).
import Link from "next/link";
import type { ReactNode } from "react";
import { TimeZoneProvider } from "@/components/ui/time-zone";
import { HeaderBalance } from "./header-balance";
import { MobileNav } from "./mobile-nav";
import { NavLinks, type NavItem } from "./nav-links";
import { SignOutButton } from "./sign-out-button";
import { LazyToaster } from "./toasts";

export function AppShell({
  area,
  nav,
  user,
  extra,
  balance,
  clock,
  children,
}: {
  area: string;
  nav: NavItem[];
  user: { email: string; role: string };
  extra?: ReactNode;
  /** The customer's balance for the header (customer pages only). */
  balance?: { amount: string; currency: string };
  /** The zone times are shown in and the request's moment (lib/time/display-zone.ts). */
  clock: { zone: string; saved: boolean; now: number };
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only rounded bg-indigo-700 px-3 py-2 text-sm font-semibold text-white focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex min-w-0 items-center gap-3 md:gap-6">
            <MobileNav items={nav} />
            <Link href="/" className="text-lg font-bold whitespace-nowrap text-indigo-700">
              Reseller Panel {area ? <span className="text-xs font-medium text-slate-600">{area}</span> : null}
            </Link>
            <div className="hidden md:block">
              <NavLinks items={nav} />
            </div>
          </div>
          {balance ? <HeaderBalance amount={balance.amount} currency={balance.currency} /> : null}
          <div className="flex min-w-0 flex-wrap items-center gap-3 text-sm text-slate-700">
            {extra}
            <Link href="/account" data-testid="signed-in-as" className="min-w-0 truncate hover:text-slate-900" title="Account">
              {user.email} <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{user.role}</span>
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 outline-none">
        <TimeZoneProvider zone={clock.zone} saved={clock.saved} now={clock.now}>
          {children}
        </TimeZoneProvider>
      </main>
      <LazyToaster />
    </div>
  );
}
