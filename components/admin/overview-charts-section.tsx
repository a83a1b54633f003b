// The staff overview's charts with the same figures as text: per day (in a table that opens on
// demand), by state, and the top services. Money is formatted by the one formatter, from the exact strings.
import { DailyChart, StateChart, TopServicesChart } from "@/components/admin/overview-charts";
import { staffStateLabel } from "@/components/orders/order-state";
import { Card } from "@/components/ui/card";
import type { StaffCharts } from "@/lib/dashboard/staff-charts";
import { formatMoney } from "@/lib/money/format";
import { plural } from "@/lib/util/plural";

export function OverviewChartsSection({ charts, currency }: { charts: StaffCharts; currency: string }) {
  // Totals as the overview shows them (cents, cut; lib/money/format.ts).
  const money = (amount: string) => formatMoney(amount, currency, { style: "cents" });
  const labels = Object.fromEntries(charts.states.map((s) => [s.state, staffStateLabel(s.state)]));
  const unknownCost = charts.days.reduce((n, d) => n + d.costUnknownOrders, 0);
  return (
    <div className="mt-6 grid min-w-0 gap-4 lg:grid-cols-2">
      <Card title="Last 30 days (UTC)" className="min-w-0 lg:col-span-2">
        <DailyChart days={charts.days} currency={currency} />
        {unknownCost > 0 ? <p className="mt-2 text-xs text-slate-600">Profit leaves out {unknownCost} orders whose upstream cost is unknown.</p> : null}
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium text-indigo-700">Figures per day</summary>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left tabular-nums" data-testid="daily-figures">
              <thead className="text-xs text-slate-600">
                <tr><th className="py-1 pr-3">Day</th><th className="py-1 pr-3 text-right">Orders</th><th className="py-1 pr-3 text-right">Revenue</th><th className="py-1 text-right">Profit</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {charts.days.map((d) => (
                  <tr key={d.day}><td className="py-1 pr-3">{d.day}</td><td className="py-1 pr-3 text-right">{d.orders}</td><td className="py-1 pr-3 text-right">{money(d.revenue)}</td><td className="py-1 text-right">{money(d.profit)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </Card>
      <Card title="Orders by state" className="min-w-0">
        <StateChart states={charts.states} labels={labels} />
        <p className="sr-only">
          {charts.states.map((s) => `${labels[s.state]}: ${s.orders}`).join("; ")}
        </p>
      </Card>
      <Card title="Top services, last 30 days" className="min-w-0">
        {charts.services.length === 0 ? (
          <p className="text-sm text-slate-600">No orders in the last 30 days.</p>
        ) : (
          <>
            <TopServicesChart services={charts.services} currency={currency} />
            <ol className="mt-2 space-y-1 text-sm" data-testid="top-services">
              {charts.services.map((s) => (
                <li key={s.key} className="flex flex-wrap justify-between gap-x-3">
                  <span className="min-w-0 truncate">{s.name}</span>
                  <span className="tabular-nums text-slate-700">{plural(s.orders, "order")} · {money(s.revenue)} · profit {money(s.profit)}</span>
                </li>
              ))}
            </ol>
          </>
        )}
      </Card>
    </div>
  );
}
