"use client";
// The customer's orders, refreshed every few seconds while any shown order is still moving, with
// Refill and Cancel on each row where the service allows them. What was paid is shown as charge,
// refunds and net; remains never go below zero (over-delivery is said as such). On a phone each
// order is a card: its state, charge and buttons first.
import { isLiveState } from "@/lib/orders/state-machine";
import type { OrderState } from "@/lib/db/generated/enums";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { requestCancelAction, requestRefillAction } from "@/components/orders/actions/order-actions";
import { Money } from "@/components/ui/money";
import type { StorefrontOrder, StorefrontOrderPage } from "@/lib/storefront/order-view";
import { Time } from "@/components/ui/time";
import { CANCEL_QUESTION, OrderActionButton, REFILL_QUESTION } from "./order-action-button";
import { column, DataTable, type ListColumn } from "@/components/ui/data-table";
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

function columnsFor(currency: string): ListColumn<StorefrontOrder>[] {
  return [
    column({ header: "Order", card: "title", cell: (o) => <Link href={`/orders/${o.id}`} className="font-medium text-indigo-700 hover:underline">#{o.id}</Link> }),
    column({ header: "Service / product", card: "title", className: "max-w-56", cell: (o) => o.name }),
    column({ header: "Link", className: "max-w-40 truncate text-slate-600", title: (o) => o.link ?? "", cell: (o) => o.link ?? "—" }),
    column({ header: "Quantity", align: "right", className: "tabular-nums", cell: (o) => o.quantity }),
    column({ header: "Charge", card: "primary", align: "right", className: "tabular-nums", testId: "order-charge", cell: (o) => <Money amount={o.charge} currency={currency} /> }),
    column({ header: "Refunded", align: "right", className: "tabular-nums", testId: "order-refunded", cell: (o) => (/^0\.0+$/.test(o.refunded) ? "—" : <Money amount={o.refunded} currency={currency} />) }),
    column({ header: "Net", align: "right", className: "font-medium tabular-nums", testId: "order-net", cell: (o) => <Money amount={o.net} currency={currency} /> }),
    column({ header: "Start", align: "right", className: "tabular-nums", cell: (o) => o.startCount ?? "—" }),
    column({ header: "Remains", align: "right", className: "tabular-nums", cell: (o) => <RemainsCell order={o} /> }),
    column({ header: "Status", card: "primary", cell: (o) => <OrderStateBadge state={o.state} /> }),
    column({ header: "Placed", className: "whitespace-nowrap text-xs text-slate-600", cell: (o) => <Time value={o.createdAt} relative /> }),
    column({ header: "Actions", id: "actions", hiddenHeader: true, card: "action", cell: (o) => <OrderActions order={o} /> }),
  ];
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
  return (
    <DataTable
      label="Orders"
      layout="plain"
      minWidth="min-w-[60rem]"
      alignTop
      columns={columnsFor(currency)}
      rows={data.orders}
      rowTestId={(o) => `order-row-${o.id}`}
      empty={<p className="py-6 text-center text-sm text-slate-600">No orders here yet.</p>}
    />
  );
}
