"use client";
// The report's chart. The figures arrive as exact decimal strings; they become numbers here only
// as bar heights (a pixel needs no sixth decimal) — every figure people read stays the string, in
// the table under the chart and in the tooltip.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ChartRow = { label: string; revenue: string; cost: string; profit: string };

const SERIES = [
  { key: "revenue", name: "Revenue", color: "var(--color-indigo-600)" },
  { key: "cost", name: "Upstream cost", color: "var(--color-amber-500)" },
  { key: "profit", name: "Profit", color: "var(--color-green-600)" },
] as const;

export function ReportChart({ rows, horizontal, currency, title }: { rows: ChartRow[]; horizontal: boolean; currency: string; title: string }) {
  const data = rows.map((r) => ({ label: r.label, exact: r, revenue: Number(r.revenue), cost: Number(r.cost), profit: Number(r.profit) }));
  const height = horizontal ? Math.max(220, data.length * 44 + 60) : 320;
  return (
    // Clipped: while the chart re-measures after the window narrows (a phone turned), it must not
    // widen the page.
    <figure data-testid="report-chart" aria-label={title} className="min-w-0 overflow-hidden">
      <div style={{ width: "100%", height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout={horizontal ? "vertical" : "horizontal"} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--color-slate-200)" />
            {horizontal ? (
              <>
                <XAxis type="number" tick={{ fontSize: 11 }} />
                <YAxis type="category" dataKey="label" width={120} tick={{ fontSize: 11 }} />
              </>
            ) : (
              <>
                <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={12} />
                <YAxis tick={{ fontSize: 11 }} width={56} />
              </>
            )}
            <Tooltip formatter={(_value, name, item) => [`${(item.payload as { exact: ChartRow }).exact[SERIES.find((s) => s.name === name)?.key ?? "revenue"]} ${currency}`, name]} />
            <Legend />
            {SERIES.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} maxBarSize={48} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{title}. The table below lists the same figures.</figcaption>
    </figure>
  );
}
