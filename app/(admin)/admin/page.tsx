import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { RefreshBalanceButton } from "@/components/providers/refresh-balance-button";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { OverviewChartsSection } from "@/components/admin/overview-charts-section";
import { getStaffCharts } from "@/lib/dashboard/staff-charts";
import { getStaffSummary } from "@/lib/dashboard/staff-summary";
import { getDb } from "@/lib/db/client";
import { Money } from "@/components/ui/money";
import { Time } from "@/components/ui/time";
import { plural } from "@/lib/util/plural";

export const metadata: Metadata = { title: "Staff overview" };

export default async function AdminOverviewPage() {
  const actor = await requireStaff();
  const db = await getDb();
  const [s, charts] = await Promise.all([getStaffSummary(db, actor), getStaffCharts(db, actor)]);
  // Totals as a shop shows them (cents, cut), the exact figure on hover: the same formatter as the list below.
  const money = (amount: string) => <Money amount={amount} currency={PANEL_CURRENCY} style="cents" />;
  const unchecked = s.uncheckedProviders.length;
  return (
    <>
      <PageHeader title="Staff overview" description="Money held upstream, money owed to customers, and what needs an operator. Days start at 00:00 UTC." />
      {s.cover.warning ? (
        <p role="alert" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="cover-warning">
          {s.cover.ratio === null
            ? "No provider balance has been read: customer balances are not known to be covered."
            : `Provider funds cover customer balances ${s.cover.ratio}×, below the ${s.cover.threshold}× warning level. Top up a provider.`}
          {unchecked > 0 && s.cover.ratio !== null ? ` ${unchecked} provider${unchecked === 1 ? " is" : "s are"} not checked and not counted.` : ""}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label="Provider funds"
          value={s.upstreamFunds === null ? "not checked" : money(s.upstreamFunds)}
          hint={unchecked > 0 ? `Checked providers only; ${unchecked} not checked.` : "Balances as last read, converted at each provider's rate."}
        />
        <Stat label="Customer balances" value={money(s.customerBalances)} hint={`What we owe ${plural(s.customers, "customer")} in service.`} />
        <Stat
          label="Cover ratio"
          value={s.cover.ratio === null ? "—" : `${s.cover.ratio}×`}
          hint={`Provider funds ÷ customer balances; warning below ${s.cover.threshold}× (COVER_RATIO_WARNING).`}
        />
        <Stat label="Orders in flight" value={money(s.inFlight.value)} hint={`${plural(s.inFlight.orders, "order")} charged and not finished.`} />
        <Stat
          label="Orders to resolve"
          value={<Link href="/admin/orders?view=resolve" className="hover:underline">{s.unknownOrders}</Link>}
          hint={`Upstream answer lost: resolve by hand. ${s.flagged} flagged.`}
        />
        <Stat label="Revenue today" value={money(s.today.revenue)} hint={`${plural(s.today.orders, "order")} placed since 00:00 UTC; charges − refunds.`} />
        <Stat
          label="Profit today"
          value={money(s.today.profit)}
          hint={s.today.costUnknownOrders > 0 ? `${plural(s.today.costUnknownOrders, "order")} with cost unknown left out.` : "Revenue − upstream cost."}
        />
        <Stat label="Reports" value={<Link href="/admin/reports" className="text-base text-indigo-700 hover:underline">By day, service, provider →</Link>} />
      </div>
      <OverviewChartsSection charts={charts} currency={PANEL_CURRENCY} />
      <Card title="Provider balances" className="mt-6">
        {s.providers.length === 0 ? (
          <p className="text-sm text-slate-500">
            No provider yet. <Link href="/admin/providers" className="text-indigo-700 hover:underline">Add one</Link> or use `npm run panel -- provider:add`.
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="provider-balances">
            {s.providers.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid={`balance-${p.name}`}>
                <div className="min-w-0">
                  <div className="flex items-center gap-2 font-medium text-slate-900">
                    {p.name}
                    {p.enabled ? null : <Badge>disabled</Badge>}
                  </div>
                  <div className="text-xs text-slate-500">{p.readAt ? <Time value={p.readAt} relative prefix="read " /> : "never read"}</div>
                </div>
                <div className="flex flex-wrap items-center gap-3">
                  <span className="tabular-nums">
                    {p.balance === null ? (
                      <Badge tone="amber">not checked</Badge>
                    ) : (
                      <>
                        <Money amount={p.balance} currency={p.currency} />
                        {p.currency !== PANEL_CURRENCY && p.converted ? <span className="ml-1 text-xs text-slate-500">≈ {money(p.converted)}</span> : null}
                      </>
                    )}
                  </span>
                  <RefreshBalanceButton providerId={p.id} name={p.name} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
