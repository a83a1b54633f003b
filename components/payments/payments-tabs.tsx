import { PageLinks } from "@/components/ui/page-links";

const VIEWS = { log: "/admin/payments", review: "/admin/payments/review", methods: "/admin/payments/methods" } as const;

/** The three staff views of payments. */
export function PaymentsTabs({ active, reviewCount }: { active: keyof typeof VIEWS; reviewCount: number }) {
  const tabs = [
    { href: VIEWS.log, label: "Log" },
    { href: VIEWS.review, label: `To review (${reviewCount})` },
    { href: VIEWS.methods, label: "Methods and bonuses" },
  ];
  return (
    <PageLinks
      label="Payment views"
      links={tabs}
      current={VIEWS[active]}
      className="mb-4 flex gap-1 overflow-x-auto border-b border-slate-200"
      linkClassName={(isCurrent) =>
        `-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${isCurrent ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`
      }
    />
  );
}
