// A report as CSV (RFC 4180): the same rows as the page, exact decimals as text. The first line
// is the header (a note line above it would be read as data by spreadsheets), so the header
// itself says what the rows are: the group (periods start at UTC midnight: "day_start_utc") and
// the currency of every amount ("charged_USD"); the file name carries the window.
// Cells that a spreadsheet would run as a formula are prefixed with a quote.
import type { ReportRow } from "./money-report";
import type { ReportParams } from "./report-params";

/** Column, its name in the header, and whether it is an amount (named with the currency). */
const COLUMNS: [keyof ReportRow, string, "amount"?][] = [
  ["key", "key"],
  ["label", "label"],
  ["orders", "orders"],
  ["charged", "charged", "amount"],
  ["refunded", "refunded", "amount"],
  ["revenue", "revenue", "amount"],
  ["costKnownOrders", "orders_with_cost"],
  ["costKnownRevenue", "revenue_with_cost", "amount"],
  ["cost", "upstream_cost", "amount"],
  ["profit", "profit", "amount"],
  ["costUnknownOrders", "orders_cost_unknown"],
  ["costUnknownRevenue", "revenue_cost_unknown", "amount"],
  ["upstreamReported", "upstream_reported_charge", "amount"],
  ["upstreamReportedOrders", "orders_upstream_reported"],
];

function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function reportCsv(rows: ReportRow[], p: ReportParams, currency: string): string {
  const label = p.group === "period" ? `${p.period}_start_utc` : p.group;
  const header = COLUMNS.map(([key, name, amount]) => cell(key === "label" ? label : amount ? `${name}_${currency}` : name)).join(",");
  const lines = rows.map((row) => COLUMNS.map(([key]) => cell(row[key])).join(","));
  return [header, ...lines].join("\r\n") + "\r\n";
}

export function reportFileName(p: ReportParams): string {
  return `report-${p.group === "period" ? p.period : p.group}-${p.fromDay}-to-${p.toDay}.csv`;
}
