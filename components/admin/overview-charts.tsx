"use client";
// The staff overview's pictures (data: lib/dashboard/staff-charts.ts). Figures arrive as exact
// decimal strings; they become numbers only as bar and line heights, and every figure people read —
// tooltips and the tables under the charts — is the string through the one money formatter.
// Colours are the theme's tokens (app/globals.css), so the charts follow light and dark.
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/money/format";
import type { DayPoint, ServicePoint, StatePoint } from "@/lib/dashboard/staff-charts";

const INK = "var(--color-slate-600)";
const GRID = "var(--color-slate-200)";
const TOOLTIP = { contentStyle: { background: "var(--color-white)", borderColor: "var(--color-slate-200)", color: "var(--color-slate-900)" } };
const TICK = { fontSize: 11, fill: INK };

export function DailyChart({ days, currency }: { days: DayPoint[]; currency: string }) {
  const data = days.map((d) => ({ ...d, label: d.day.slice(5), revenueN: Number(d.revenue), profitN: Number(d.profit) }));
  return (
    <figure aria-label="Orders, revenue and profit per day, last 30 days" className="min-w-0 overflow-hidden" data-testid="chart-daily">
      <div style={{ width: "100%", height: 280 }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke={GRID} />
            <XAxis dataKey="label" tick={TICK} minTickGap={16} />
            <YAxis yAxisId="money" tick={TICK} width={52} />
            <YAxis yAxisId="orders" orientation="right" tick={TICK} width={36} allowDecimals={false} />
            <Tooltip
              {...TOOLTIP}
              labelFormatter={(_label, items) => (items?.[0]?.payload as DayPoint | undefined)?.day ?? ""}
              formatter={(_value, name, item) => {
                const p = item.payload as DayPoint;
                if (name === "Orders") return [String(p.orders), name];
                return [formatMoney(name === "Revenue" ? p.revenue : p.profit, currency, { style: "cents" }), name];
              }}
            />
            <Legend wrapperStyle={{ fontSize: 12, color: INK }} />
            <Bar yAxisId="money" dataKey="revenueN" name="Revenue" fill="var(--color-indigo-600)" maxBarSize={18} isAnimationActive={false} />
            <Bar yAxisId="money" dataKey="profitN" name="Profit" fill="var(--color-green-600)" maxBarSize={18} isAnimationActive={false} />
            <Line yAxisId="orders" dataKey="orders" name="Orders" stroke="var(--color-amber-600)" strokeWidth={2} dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">Per day: orders placed, revenue (charges − refunds) and profit. The table below lists the same figures.</figcaption>
    </figure>
  );
}

type BarRow = { label: string };

/**
 * One horizontal bar per row (a state, a service), the label on the left: both small charts of
 * the overview. `tooltip` turns a hovered bar into the text people read.
 */
function HorizontalBars<R extends BarRow>(props: {
  label: string;
  testId: string;
  rows: R[];
  dataKey: string;
  name: string;
  labelWidth: number;
  wholeNumbers?: boolean;
  tooltip: (value: unknown, row: R) => string;
}) {
  const { rows, name } = props;
  return (
    <figure aria-label={props.label} className="min-w-0 overflow-hidden" data-testid={props.testId}>
      <div style={{ width: "100%", height: Math.max(200, rows.length * 30 + 30) }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" stroke={GRID} />
            <XAxis type="number" tick={TICK} allowDecimals={props.wholeNumbers ? false : undefined} />
            <YAxis type="category" dataKey="label" width={props.labelWidth} tick={TICK} />
            <Tooltip {...TOOLTIP} formatter={(value, _name, item) => [props.tooltip(value, item.payload as R), name]} />
            <Bar dataKey={props.dataKey} name={name} fill="var(--color-indigo-600)" maxBarSize={20} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

export function StateChart({ states, labels }: { states: StatePoint[]; labels: Record<string, string> }) {
  const rows = states.map((s) => ({ ...s, label: labels[s.state] ?? s.state }));
  return (
    <HorizontalBars label="Orders by state" testId="chart-states" rows={rows} dataKey="orders" name="Orders" labelWidth={96} wholeNumbers tooltip={(value) => String(value)} />
  );
}

export function TopServicesChart({ services, currency }: { services: ServicePoint[]; currency: string }) {
  const rows = services.map((s) => ({ ...s, label: s.name.length > 22 ? `${s.name.slice(0, 21)}…` : s.name, revenueN: Number(s.revenue) }));
  return (
    <HorizontalBars
      label="Top services by revenue, last 30 days"
      testId="chart-services"
      rows={rows}
      dataKey="revenueN"
      name="Revenue"
      labelWidth={120}
      tooltip={(_value, row) => formatMoney(row.revenue, currency, { style: "cents" })}
    />
  );
}
