import Link from "next/link";

/** The three staff views of payments. */
export function PaymentsTabs({ active, reviewCount }: { active: "log" | "review" | "methods"; reviewCount: number }) {
  const tabs = [
    { key: "log", href: "/admin/payments", label: "Log" },
    { key: "review", href: "/admin/payments/review", label: `To review (${reviewCount})` },
    { key: "methods", href: "/admin/payments/methods", label: "Methods and bonuses" },
  ] as const;
  return (
    <nav aria-label="Payment views" className="mb-4 flex gap-1 overflow-x-auto border-b border-slate-200">
      {tabs.map((t) => (
        <Link
          key={t.key}
          href={t.href}
          aria-current={active === t.key ? "page" : undefined}
          className={`-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${active === t.key ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
