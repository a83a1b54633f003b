"use client";
// One order's page, refreshed live like the list while the order is still moving: what it is,
// what it cost (charge, refunds, net), Refill/Cancel, its history, ledger lines and refills.
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { DetailList } from "@/components/ui/detail-list";
import { formatMoney } from "@/lib/money/format";
import { orderParamsForPeople } from "@/lib/service-types/service-types";
import type { OrderHistory } from "@/lib/storefront/order-history";
import { Time } from "@/components/ui/time";
import { OrderActions, RemainsCell } from "./orders-table";
import { isLiveState } from "@/lib/orders/state-machine";
import type { OrderState } from "@/lib/db/generated/enums";
import { OrderStateBadge } from "./order-state";

export function OrderDetail({ initial, currency }: { initial: OrderHistory; currency: string }) {
  const { data } = useQuery({
    queryKey: ["order", initial.order.id],
    queryFn: async (): Promise<OrderHistory> => {
      const res = await fetch(`/api/panel/orders/${initial.order.id}`, { cache: "no-store" });
      if (!res.ok) throw new Error(`order: HTTP ${res.status}`);
      return res.json();
    },
    initialData: initial,
    refetchInterval: (q) => (q.state.data && isLiveState(q.state.data.order.state as OrderState) ? 5_000 : false),
  });
  const { order, events, ledger, refills } = data;
  const rows: [string, ReactNode][] = [
    ["Status", <OrderStateBadge key="s" state={order.state} />],
    [order.kind === "product" ? "Product" : "Service", order.kind === "service" && order.serviceId ? `#${order.serviceId} ${order.name}` : order.name],
    ["Link", order.link ?? "—"],
    ["Quantity", order.quantity],
    ["Charge", formatMoney(order.charge, currency)],
    ["Refunded", formatMoney(order.refunded, currency)],
    ["Net cost", <strong key="n">{formatMoney(order.net, currency)}</strong>],
    ["Start count", order.startCount ?? "—"],
    ["Remains", <RemainsCell key="r" order={order} />],
    ["Placed", <Time key="p" value={order.createdAt} />],
    ["Finished", <Time key="f" value={order.finishedAt} />],
  ];
  const shownParams = orderParamsForPeople(order.params);
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card className="min-w-0 lg:col-span-2">
        <DetailList
          columns="grid-cols-[minmax(0,1fr)_minmax(0,2fr)]"
          className="gap-y-2"
          valueClassName="break-words"
          items={[
            ...rows.map(([label, value]) => ({ label, value, testId: `order-${label.toLowerCase().replace(/\W+/g, "-")}` })),
            ...shownParams.map(([label, value]) => ({ label, value, valueClassName: "whitespace-pre-wrap" })),
          ]}
        />
        <div className="mt-4"><OrderActions order={order} /></div>
      </Card>
      <div className="min-w-0 space-y-4">
        <Card title="History">
          {events.length ? (
            <ol className="space-y-2 text-sm" data-testid="order-history">
              {events.map((e) => (
                <li key={e.id}>
                  <div className="font-medium text-slate-900">{e.label}</div>
                  {e.message ? <div className="break-words text-xs text-slate-700">{e.message}</div> : null}
                  <div className="text-xs text-slate-600"><Time value={e.at} relative /></div>
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm text-slate-600">Nothing yet.</p>
          )}
        </Card>
        <Card title="Balance changes">
          <ul className="space-y-1 text-sm" data-testid="order-ledger">
            {ledger.map((l) => (
              <li key={l.id} className="flex flex-wrap justify-between gap-x-2">
                <span>{l.label}</span>
                <span className="tabular-nums">{formatMoney(l.amount, currency, { signed: true })}</span>
              </li>
            ))}
          </ul>
        </Card>
        {refills.length ? (
          <Card title="Refills">
            <ul className="space-y-1 text-sm" data-testid="refills">
              {refills.map((r) => (
                <li key={r.id} className="flex flex-wrap justify-between gap-x-2">
                  <span>Refill #{r.id} · <Time value={r.at} relative /></span>
                  <span className="text-slate-700">{r.state}</span>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </div>
  );
}
