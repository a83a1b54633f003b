// The order pages side by side: all orders, the drip-feed and subscription ones, refills, and the
// search by link, so a customer finds each from any of them.
import { PageLinks } from "@/components/ui/page-links";

const PAGES = [
  { href: "/orders", label: "All orders" },
  { href: "/orders/drip-feed", label: "Drip-feed" },
  { href: "/orders/subscriptions", label: "Subscriptions" },
  { href: "/refills", label: "Refills" },
  { href: "/orders/search", label: "Find by link" },
] as const;

export function OrdersSubnav({ current }: { current: (typeof PAGES)[number]["href"] }) {
  return (
    <PageLinks
      label="Order pages"
      links={PAGES}
      current={current}
      className="mb-4 flex flex-wrap gap-1 text-sm"
      linkClassName={(isCurrent) => `rounded-full px-3 py-1 ${isCurrent ? "bg-indigo-700 text-white" : "bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-100"}`}
    />
  );
}
