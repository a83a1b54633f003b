import Link from "next/link";
import type { ReactNode } from "react";

// FAQ, terms and privacy: readable without an account, so a plain frame of their own.
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/" className="text-lg font-bold text-indigo-700">Reseller Panel</Link>
          <nav aria-label="Pages" className="flex flex-wrap gap-3 text-sm text-slate-700">
            <Link href="/faq" className="hover:underline">FAQ</Link>
            <Link href="/terms" className="hover:underline">Terms</Link>
            <Link href="/privacy" className="hover:underline">Privacy</Link>
            <Link href="/tickets/new" className="hover:underline">Contact support</Link>
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">{children}</main>
    </div>
  );
}
