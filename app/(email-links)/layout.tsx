// Pages that emailed links open. Unlike (auth), they work signed in or out: a customer confirming
// an address is often signed in already.
import type { ReactNode } from "react";

export const dynamic = "force-dynamic";

export default function EmailLinkLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <p className="mb-6 text-center text-2xl font-bold text-indigo-700">Reseller Panel</p>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
      </div>
    </main>
  );
}
