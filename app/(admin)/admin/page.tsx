import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getStaffSummary } from "@/lib/dashboard/staff-summary";
import { formatMoney } from "@/lib/money/format";

export const metadata: Metadata = { title: "Staff overview — Reseller Panel" };

export default async function AdminOverviewPage() {
  await requireStaff();
  const s = await getStaffSummary();
  return (
    <>
      <PageHeader title="Staff overview" description="Money held upstream, money owed to customers, and what needs an operator." />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label="Upstream funds"
          value={s.providers.some((p) => p.lastBalance) ? formatMoney(s.upstreamFunds, PANEL_CURRENCY) : "not checked"}
          hint="Providers' balances as last checked (the worker refreshes them every 10 minutes), converted."
        />
        <Stat label="Customer balances" value={formatMoney(s.customerBalances, PANEL_CURRENCY)} hint={`Owed to ${s.customers} customers`} />
        <Stat
          label="Orders to resolve"
          value={<Link href="/admin/orders?view=resolve" className="hover:underline">{s.unknownOrders}</Link>}
          hint="Upstream answer lost: never re-sent, resolve by hand."
        />
        <Stat label="Orders in 24 h" value={s.ordersToday} hint={`${s.flagged} flagged`} />
      </div>
      <Card title="Providers" className="mt-6">
        {s.providers.length === 0 ? (
          <p className="text-sm text-slate-500">
            No provider yet. <Link href="/admin/providers" className="text-indigo-600 hover:underline">Add one</Link> or use `npm run panel -- provider:add`.
          </p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-2">Name</th>
                <th>Balance</th>
                <th>Checked</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {s.providers.map((p) => (
                <tr key={p.id}>
                  <td className="py-2">{p.name}</td>
                  <td>{p.lastBalance ? formatMoney(p.lastBalance, p.currency) : "not checked"}</td>
                  <td>{p.lastBalanceAt ? p.lastBalanceAt.toISOString().replace("T", " ").slice(0, 16) : "—"}</td>
                  <td>{p.enabled ? "enabled" : "disabled"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
