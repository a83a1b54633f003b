import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar, FilterInput, FilterSelect } from "@/components/admin/filter-bar";
import { ReportChart } from "@/components/admin/report-chart";
import { ReportTable } from "@/components/admin/report-table";
import { Card, EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { formatMoney } from "@/lib/money";
import { REPORT_GROUPS, REPORT_PERIODS } from "@/lib/reports/groups";
import { parseReportParams, reportQueryString } from "@/lib/reports/report-params";
import { staffReport } from "@/lib/reports/staff-report";

export const metadata: Metadata = { title: "Reports" };

const orders = (n: number) => `${n} order${n === 1 ? "" : "s"}`;
const GROUP_LABELS = { period: "Period", service: "Service", provider: "Provider", customer: "Customer" } as const;

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireStaff();
  const params = parseReportParams(await searchParams);
  const { rows, totals } = await staffReport(await getDb(), actor, params);
  const money = (amount: string) => formatMoney(amount, PANEL_CURRENCY);
  const byPeriod = params.group === "period";
  const title = `Revenue, cost and profit by ${byPeriod ? params.period : params.group}, ${params.fromDay} to ${params.toDay} (UTC)`;
  return (
    <>
      <PageHeader
        title="Reports"
        description="Orders placed in the window, by the UTC day they were placed; an order's later refunds count against that day."
        actions={
          <a href={`/admin/reports/export?${reportQueryString(params)}`} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50" download>
            Download CSV
          </a>
        }
      />
      <Card>
        <FilterBar resetHref="/admin/reports">
          <FilterInput label="From (UTC)" name="from" type="date" value={params.fromDay} width="w-40" />
          <FilterInput label="To (UTC)" name="to" type="date" value={params.toDay} width="w-40" />
          <FilterSelect label="Group by" name="group" value={params.group} options={REPORT_GROUPS.map((g) => ({ value: g, label: GROUP_LABELS[g] }))} anyLabel="Period" />
          <FilterSelect label="Period" name="period" value={params.period} options={REPORT_PERIODS.map((p) => ({ value: p, label: p === "week" ? "week (from Monday)" : p }))} anyLabel="day" />
        </FilterBar>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Stat label="Revenue" value={money(totals.revenue)} hint={`${money(totals.charged)} charged − ${money(totals.refunded)} refunded · ${orders(totals.orders)}`} />
          <Stat label="Upstream cost" value={money(totals.cost)} hint={`Upstreams reported ${money(totals.upstreamReported)} for ${orders(totals.upstreamReportedOrders)}.`} />
          <Stat label="Profit" value={money(totals.profit)} hint={`On ${orders(totals.costKnownOrders)} with a recorded cost.`} />
          <Stat
            label="Cost unknown"
            value={totals.costUnknownOrders}
            hint={totals.costUnknownOrders > 0 ? `Orders from before costs were recorded; their revenue ${money(totals.costUnknownRevenue)} is not in the profit.` : "Every order has its cost."}
          />
        </div>
      </Card>
      <Card title={title} className="mt-6">
        {rows.length === 0 ? (
          <EmptyState>No order was placed in this window.</EmptyState>
        ) : (
          <>
            <ReportChart rows={byPeriod ? rows : rows.slice(0, 10)} horizontal={!byPeriod} currency={PANEL_CURRENCY} title={title} />
            {!byPeriod && rows.length > 10 ? <p className="mt-1 text-xs text-slate-500">The chart shows the 10 biggest; the table lists up to 100 (the CSV up to 10,000).</p> : null}
            <ReportTable rows={rows} group={params.group} currency={PANEL_CURRENCY} />
          </>
        )}
        <p className="mt-4 text-xs text-slate-500">
          Cost is what each order cost us at placement (none for failed or canceled orders, the delivered share of a partial one). &quot;Reported by upstream&quot; is the
          provider&apos;s own charge for the order, converted at its current exchange rate, to compare.{" "}
          <Link href="/admin/orders" className="text-indigo-700 underline">See the orders</Link>
        </p>
      </Card>
    </>
  );
}
