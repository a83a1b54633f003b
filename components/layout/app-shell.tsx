import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks, type NavItem } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

export function AppShell({
  area,
  nav,
  user,
  extra,
  children,
}: {
  area: string;
  nav: NavItem[];
  user: { email: string; role: string };
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex items-center gap-6">
            <Link href="/" className="text-lg font-bold text-indigo-700">
              Reseller Panel <span className="text-xs font-medium text-slate-500">{area}</span>
            </Link>
            <NavLinks items={nav} />
          </div>
          <div className="flex items-center gap-3 text-sm text-slate-600">
            {extra}
            <Link href="/account" data-testid="signed-in-as" className="hover:text-slate-900" title="Account">
              {user.email} <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{user.role}</span>
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}
