// The staff order list: who ordered what, what it cost us and them, where it stands upstream and,
// for an admin, the manual refund each finished order could still get. On a phone each order is a
// card: its number and customer, then its state and charge, then the refund form.
import Link from "next/link";
import type { StaffOrder } from "@/lib/admin/orders";
import type { ManualRefundOption } from "@/lib/admin/order-refund";
import { PANEL_CURRENCY } from "@/lib/currency";
import { OrderStateBadge } from "@/components/orders/order-state";
import { Badge } from "@/components/ui/badge";
import { column, DataTable, type ListColumn } from "@/components/ui/data-table";
import { Money } from "@/components/ui/money";
import { Time } from "@/components/ui/time";
import { ManualRefundForm } from "./manual-refund-form";

const COLUMNS: ListColumn<StaffOrder>[] = [
  column({
    header: "Order",
    card: "title",
    className: "whitespace-nowrap",
    cell: (o) => (
      <>
        <div className="font-medium text-slate-900">#{o.id}</div>
        <div className="text-xs text-slate-500"><Time value={o.createdAt} relative /></div>
      </>
    ),
  }),
  column({ header: "Customer", card: "title", cell: (o) => <Link href={`/admin/users/${o.user.id}`} className="text-indigo-700 hover:underline">{o.user.email}</Link> }),
  column({
    header: "Item",
    className: "max-w-56",
    cell: (o) => (
      <>
        <div className="text-slate-900">{o.item}</div>
        <div className="text-xs text-slate-500">
          {o.provider.name} · {o.kind}
          {o.link ? <span className="block truncate" title={o.link}>{o.link}</span> : null}
        </div>
      </>
    ),
  }),
  column({ header: "Qty", align: "right", className: "tabular-nums", cell: (o) => o.quantity.toLocaleString("en-US") }),
  column({ header: "Charge", card: "primary", align: "right", className: "tabular-nums whitespace-nowrap", testId: "order-charge", cell: (o) => <Money amount={o.charge} currency={PANEL_CURRENCY} /> }),
  column({
    header: "State",
    card: "primary",
    cell: (o) => (
      <div className="flex flex-col items-start gap-1">
        <OrderStateBadge state={o.state} audience="staff" />
        {o.flag ? <Badge tone="red" title={o.flag}>flagged</Badge> : null}
      </div>
    ),
  }),
  column({
    header: "Upstream",
    className: "text-xs",
    cell: (o) => (
      <>
        <div className="font-mono text-slate-800">{o.upstreamOrderId ?? "—"}</div>
        <div className="text-slate-500">{o.upstreamStatus ?? ""}</div>
      </>
    ),
  }),
  column({
    header: "Upstream charge",
    align: "right",
    className: "tabular-nums whitespace-nowrap",
    cell: (o) => (o.upstreamCharge !== null ? `${o.upstreamCharge} ${o.upstreamCurrency ?? ""}` : "—"),
  }),
];

/** `refundable`: for an admin, what each order could still get as a manual refund (null: none). */
export function OrdersTable({ orders, refundable }: { orders: StaffOrder[]; refundable?: Map<number, ManualRefundOption> }) {
  const columns: ListColumn<StaffOrder>[] = refundable
    ? [...COLUMNS, column({ header: "Manual refund", card: "action", cell: (o) => <RefundCell orderId={o.id} option={refundable.get(o.id) ?? null} /> })]
    : COLUMNS;
  return (
    <DataTable label="Orders" columns={columns} rows={orders} rowTestId={(o) => `order-row-${o.id}`} alignTop />
  );
}

function RefundCell({ orderId, option }: { orderId: number; option: ManualRefundOption }) {
  if (!option) return <span className="text-xs text-slate-500">—</span>;
  if ("refunded" in option) return <span className="text-xs text-slate-700">Refunded <Money amount={option.refunded} currency={PANEL_CURRENCY} /> by hand</span>;
  return <ManualRefundForm orderId={orderId} left={option.left} />;
}
