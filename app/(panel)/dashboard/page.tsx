import type { Metadata } from "next";
import Link from "next/link";
import { DashboardAnnouncements } from "@/components/content/dashboard-announcements";
import { OrderStateBadge } from "@/components/orders/order-state";
import { Card, EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getCustomerSummary } from "@/lib/dashboard/customer-summary";
import { formatMoney } from "@/lib/money/format";
import { Money } from "@/components/ui/money";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser();
  const summary = await getCustomerSummary(user.id);
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`Signed in as ${user.email}`}
        actions={<Link href="/new-order" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500">New order</Link>}
      />
      <DashboardAnnouncements />
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Balance" value={<Money amount={summary.balance} currency={PANEL_CURRENCY} style="cents" />} hint="Prepaid; orders are paid from it." />
        <Stat label="Active orders" value={summary.active} />
        <Stat label="Finished orders" value={summary.completed} />
      </div>
      <Card title="Recent orders" className="mt-6">
        {summary.recent.length === 0 ? (
          <EmptyState>No orders yet.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {summary.recent.map((o) => (
              <li key={o.id} className="flex flex-wrap justify-between gap-2 py-2">
                <Link href={`/orders/${o.id}`} className="hover:text-indigo-700">
                  #{o.id} {o.name} × {o.quantity}
                </Link>
                <span className="flex items-center gap-2 text-slate-600">
                  <OrderStateBadge state={o.state} /> {formatMoney(o.charge, PANEL_CURRENCY)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
