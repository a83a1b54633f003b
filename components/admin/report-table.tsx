// The report's figures exactly as the database summed them (6 decimals, panel currency).
import Link from "next/link";
import type { ReportRow } from "@/lib/reports/money-report";
import type { ReportGroup } from "@/lib/reports/groups";
import { formatMoney } from "@/lib/money";

function RowLabel({ row, group }: { row: ReportRow; group: ReportGroup }) {
  if (group === "customer") return <Link href={`/admin/users/${row.key}`} className="text-indigo-700 hover:underline">{row.label}</Link>;
  if (group === "provider") return <Link href={`/admin/orders?providerId=${row.key}`} className="text-indigo-700 hover:underline">{row.label}</Link>;
  return <>{row.label}</>;
}

export function ReportTable({ rows, group, currency }: { rows: ReportRow[]; group: ReportGroup; currency: string }) {
  const money = (amount: string) => formatMoney(amount, currency);
  return (
    <div className="-mx-5 mt-4 overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="report-table">
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2 pl-5 pr-3">{group === "period" ? "From (UTC)" : group}</th>
            <th className="px-3 text-right">Orders</th>
            <th className="px-3 text-right">Revenue</th>
            <th className="px-3 text-right">Upstream cost</th>
            <th className="px-3 text-right">Profit</th>
            <th className="px-3 text-right">Reported by upstream</th>
            <th className="py-2 pl-3 pr-5 text-right">Cost unknown</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums">
          {rows.map((r) => (
            <tr key={r.key} data-testid={`report-row-${r.label}`}>
              <td className="max-w-64 truncate py-2 pl-5 pr-3" title={r.label}>
                <RowLabel row={r} group={group} />
              </td>
              <td className="px-3 text-right">{r.orders}</td>
              <td className="px-3 text-right whitespace-nowrap">{money(r.revenue)}</td>
              <td className="px-3 text-right whitespace-nowrap">{money(r.cost)}</td>
              <td className={`px-3 text-right whitespace-nowrap ${r.profit.startsWith("-") ? "text-red-700" : ""}`}>{money(r.profit)}</td>
              <td className="px-3 text-right whitespace-nowrap">{r.upstreamReportedOrders > 0 ? money(r.upstreamReported) : "—"}</td>
              <td className="py-2 pl-3 pr-5 text-right whitespace-nowrap">
                {r.costUnknownOrders > 0 ? `${r.costUnknownOrders} (${money(r.costUnknownRevenue)})` : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
