// A report as CSV (RFC 4180): the same rows as the page, exact decimals as text, UTC stated in
// the header. Cells that a spreadsheet would run as a formula are prefixed with a quote.
import type { ReportRow } from "./money-report";
import type { ReportParams } from "./report-params";

const COLUMNS: [keyof ReportRow, string][] = [
  ["key", "key"],
  ["label", "label"],
  ["orders", "orders"],
  ["charged", "charged"],
  ["refunded", "refunded"],
  ["revenue", "revenue"],
  ["costKnownOrders", "orders_with_cost"],
  ["costKnownRevenue", "revenue_with_cost"],
  ["cost", "upstream_cost"],
  ["profit", "profit"],
  ["costUnknownOrders", "orders_cost_unknown"],
  ["costUnknownRevenue", "revenue_cost_unknown"],
  ["upstreamReported", "upstream_reported_charge"],
  ["upstreamReportedOrders", "orders_upstream_reported"],
];

function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function reportCsv(rows: ReportRow[], p: ReportParams, currency: string): string {
  const header = COLUMNS.map(([, name]) => name).join(",");
  const lines = rows.map((row) => COLUMNS.map(([key]) => cell(row[key])).join(","));
  const note = `# orders placed ${p.fromDay}..${p.toDay} (UTC), grouped by ${p.group === "period" ? p.period : p.group}; amounts in ${currency}`;
  return [note, header, ...lines].join("\r\n") + "\r\n";
}

export function reportFileName(p: ReportParams): string {
  return `report-${p.group === "period" ? p.period : p.group}-${p.fromDay}-to-${p.toDay}.csv`;
}
