import Link from "next/link";
import type { StaffOrder } from "@/lib/admin/orders";
import type { ManualRefundOption } from "@/lib/admin/user-funds";
import { PANEL_CURRENCY } from "@/lib/currency";
import { formatMoney } from "@/lib/money/format";
import { Badge, OrderStateBadge } from "./badges";
import { formatWhen } from "./format";
import { ManualRefundForm } from "./manual-refund-form";

/** `refundable`: for an admin, what each order could still get as a manual refund (null: none). */
export function OrdersTable({ orders, refundable }: { orders: StaffOrder[]; refundable?: Map<number, ManualRefundOption> }) {
  return (
    <div className="-mx-5 overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2 pl-5 pr-3">Order</th>
            <th className="px-3">Customer</th>
            <th className="px-3">Item</th>
            <th className="px-3 text-right">Qty</th>
            <th className="px-3 text-right">Charge</th>
            <th className="px-3">State</th>
            <th className="px-3">Upstream</th>
            <th className="py-2 pl-3 pr-5 text-right">Upstream charge</th>
            {refundable ? <th className="py-2 pr-5">Manual refund</th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {orders.map((o) => (
            <tr key={o.id} data-testid={`order-row-${o.id}`}>
              <td className="py-2 pl-5 pr-3 whitespace-nowrap">
                <div className="font-medium text-slate-900">#{o.id}</div>
                <div className="text-xs text-slate-500">{formatWhen(o.createdAt)}</div>
              </td>
              <td className="px-3 py-2">
                <Link href={`/admin/users/${o.user.id}`} className="text-indigo-700 hover:underline">
                  {o.user.email}
                </Link>
              </td>
              <td className="max-w-56 px-3 py-2">
                <div className="text-slate-900">{o.item}</div>
                <div className="text-xs text-slate-500">
                  {o.provider.name} · {o.kind}
                  {o.link ? <span className="block truncate" title={o.link}>{o.link}</span> : null}
                </div>
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{o.quantity.toLocaleString("en-US")}</td>
              <td className="px-3 py-2 text-right tabular-nums whitespace-nowrap">{formatMoney(o.charge, PANEL_CURRENCY)}</td>
              <td className="px-3 py-2">
                <div className="flex flex-col items-start gap-1">
                  <OrderStateBadge state={o.state} />
                  {o.flag ? <Badge tone="red" title={o.flag}>flagged</Badge> : null}
                </div>
              </td>
              <td className="px-3 py-2 text-xs">
                <div className="font-mono text-slate-800">{o.upstreamOrderId ?? "—"}</div>
                <div className="text-slate-500">{o.upstreamStatus ?? ""}</div>
              </td>
              <td className="py-2 pl-3 pr-5 text-right tabular-nums whitespace-nowrap">
                {o.upstreamCharge !== null ? `${o.upstreamCharge} ${o.upstreamCurrency ?? ""}` : "—"}
              </td>
              {refundable ? (
                <td className="py-2 pr-5">
                  <RefundCell orderId={o.id} option={refundable.get(o.id) ?? null} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RefundCell({ orderId, option }: { orderId: number; option: ManualRefundOption }) {
  if (!option) return <span className="text-xs text-slate-500">—</span>;
  if ("refunded" in option) return <span className="text-xs text-slate-700">Refunded {formatMoney(option.refunded, PANEL_CURRENCY)} by hand</span>;
  return <ManualRefundForm orderId={orderId} left={option.left} />;
}
