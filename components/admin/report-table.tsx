// The report's figures exactly as the database summed them (6 decimals, panel currency).
import Link from "next/link";
import type { ReportRow } from "@/lib/reports/money-report";
import type { ReportGroup } from "@/lib/reports/groups";
import { DataTable } from "@/components/ui/data-table";
import { Money } from "@/components/ui/money";

function RowLabel({ row, group }: { row: ReportRow; group: ReportGroup }) {
  if (group === "customer") return <Link href={`/admin/users/${row.key}`} className="text-indigo-700 hover:underline">{row.label}</Link>;
  if (group === "provider") return <Link href={`/admin/orders?providerId=${row.key}`} className="text-indigo-700 hover:underline">{row.label}</Link>;
  return <>{row.label}</>;
}

export function ReportTable({ rows, group, currency }: { rows: ReportRow[]; group: ReportGroup; currency: string }) {
  const money = (amount: string) => <Money amount={amount} currency={currency} />;
  return (
    <DataTable
      label="Report"
      testId="report-table"
      className="mt-4"
      bodyClassName="tabular-nums"
      rows={rows}
      rowKey={(r) => r.key}
      rowTestId={(r) => `report-row-${r.label}`}
      columns={(column) => [
        column({ id: "group", label: group === "period" ? "From (UTC)" : group, header: group === "period" ? "From (UTC)" : group, card: "title", className: "max-w-64 truncate", title: (r) => r.label, cell: (r) => <RowLabel row={r} group={group} /> }),
        column({ header: "Orders", align: "right", cell: (r) => r.orders }),
        column({ header: "Revenue", card: "primary", align: "right", className: "whitespace-nowrap", cell: (r) => money(r.revenue) }),
        column({ header: "Upstream cost", align: "right", className: "whitespace-nowrap", cell: (r) => money(r.cost) }),
        column({ header: "Profit", card: "primary", align: "right", className: (r) => `whitespace-nowrap ${r.profit.startsWith("-") ? "text-red-700" : ""}`, cell: (r) => money(r.profit) }),
        column({ header: "Reported by upstream", align: "right", className: "whitespace-nowrap", cell: (r) => (r.upstreamReportedOrders > 0 ? money(r.upstreamReported) : "—") }),
        column({
          header: "Cost unknown",
          align: "right",
          className: "whitespace-nowrap",
          cell: (r) => (r.costUnknownOrders > 0 ? <>{r.costUnknownOrders} ({money(r.costUnknownRevenue)})</> : "—"),
        }),
      ]}
    />
  );
}
