// The order pages side by side: all orders, the drip-feed and subscription ones, refills, and the
// search by link, so a customer finds each from any of them.
import Link from "next/link";

const PAGES = [
  { href: "/orders", label: "All orders" },
  { href: "/orders/drip-feed", label: "Drip-feed" },
  { href: "/orders/subscriptions", label: "Subscriptions" },
  { href: "/refills", label: "Refills" },
  { href: "/orders/search", label: "Find by link" },
] as const;

export function OrdersSubnav({ current }: { current: (typeof PAGES)[number]["href"] }) {
  return (
    <nav aria-label="Order pages" className="mb-4 flex flex-wrap gap-1 text-sm">
      {PAGES.map((page) => (
        <Link
          key={page.href}
          href={page.href}
          aria-current={page.href === current ? "page" : undefined}
          className={`rounded-full px-3 py-1 ${page.href === current ? "bg-indigo-700 text-white" : "bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-100"}`}
        >
          {page.label}
        </Link>
      ))}
    </nav>
  );
}
