"use client";
// The customer's orders, refreshed every few seconds while any shown order is still moving, with
// Refill and Cancel on each row where the service allows them. What was paid is shown as charge,
// refunds and net; remains never go below zero (over-delivery is said as such). At phone width
// the table scrolls inside its own box.
import { isLiveState } from "@/lib/orders/state-machine";
import type { OrderState } from "@/lib/db/generated/enums";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { requestCancelAction, requestRefillAction } from "@/components/orders/actions/order-actions";
import { formatMoney } from "@/lib/money/format";
import type { StorefrontOrder, StorefrontOrderPage } from "@/lib/storefront/order-view";
import { formatDateTime } from "@/lib/time/format";
import { CANCEL_QUESTION, OrderActionButton, REFILL_QUESTION } from "./order-action-button";
import { OrderStateBadge } from "./order-state";


export function RemainsCell({ order }: { order: Pick<StorefrontOrder, "remainsShown" | "overDelivered"> }) {
  if (order.remainsShown === null) return <>—</>;
  return (
    <>
      {order.remainsShown}
      {order.overDelivered ? <span className="block text-xs text-green-800">+{order.overDelivered} extra delivered</span> : null}
    </>
  );
}

export function OrderActions({ order }: { order: StorefrontOrder }) {
  if (!order.refill && !order.cancel) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {order.refill ? <OrderActionButton action={requestRefillAction} orderId={order.id} label="Refill" question={REFILL_QUESTION} ability={order.refill} /> : null}
      {order.cancel ? <OrderActionButton action={requestCancelAction} orderId={order.id} label="Cancel" question={CANCEL_QUESTION} ability={order.cancel} variant="danger" /> : null}
    </div>
  );
}

export function OrdersTable({ initial, query, currency }: { initial: StorefrontOrderPage; query: string; currency: string }) {
  const { data } = useQuery({
    queryKey: ["orders", query],
    queryFn: async (): Promise<StorefrontOrderPage> => {
      const res = await fetch(`/api/panel/orders?${query}`, { cache: "no-store" });
      if (!res.ok) throw new Error(`orders: HTTP ${res.status}`);
      return res.json();
    },
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.orders.some((o) => isLiveState(o.state as OrderState)) ? 5_000 : false),
  });
  if (!data.orders.length) return <p className="py-6 text-center text-sm text-slate-600">No orders here yet.</p>;
  return (
    <div className="relative overflow-x-auto" role="region" aria-label="Orders" tabIndex={0}>
      <table className="w-full min-w-[60rem] text-left text-sm">
        <thead className="text-xs uppercase text-slate-600">
          <tr>
            <th className="py-2 pr-2">Order</th>
            <th className="pr-2">Service / product</th>
            <th className="pr-2">Link</th>
            <th className="pr-2 text-right">Quantity</th>
            <th className="pr-2 text-right">Charge</th>
            <th className="pr-2 text-right">Refunded</th>
            <th className="pr-2 text-right">Net</th>
            <th className="pr-2 text-right">Start</th>
            <th className="pr-2 text-right">Remains</th>
            <th className="pr-2">Status</th>
            <th className="pr-2">Placed</th>
            <th><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {data.orders.map((o) => (
            <tr key={o.id} data-testid={`order-row-${o.id}`}>
              <td className="py-2 pr-2">
                <Link href={`/orders/${o.id}`} className="font-medium text-indigo-700 hover:underline">#{o.id}</Link>
              </td>
              <td className="max-w-56 pr-2">{o.name}</td>
              <td className="max-w-40 truncate pr-2 text-slate-600" title={o.link ?? ""}>{o.link ?? "—"}</td>
              <td className="pr-2 text-right tabular-nums">{o.quantity}</td>
              <td className="pr-2 text-right tabular-nums">{formatMoney(o.charge, currency)}</td>
              <td className="pr-2 text-right tabular-nums" data-testid="order-refunded">{/^0\.0+$/.test(o.refunded) ? "—" : formatMoney(o.refunded, currency)}</td>
              <td className="pr-2 text-right font-medium tabular-nums" data-testid="order-net">{formatMoney(o.net, currency)}</td>
              <td className="pr-2 text-right tabular-nums">{o.startCount ?? "—"}</td>
              <td className="pr-2 text-right tabular-nums"><RemainsCell order={o} /></td>
              <td className="pr-2"><OrderStateBadge state={o.state} /></td>
              <td className="whitespace-nowrap pr-2 text-xs text-slate-600">{formatDateTime(o.createdAt)}</td>
              <td><OrderActions order={o} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
