"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { OrderPage } from "@/lib/orders";
import { formatMoney } from "@/lib/money";
import { OrderStateBadge } from "./order-state";
import { isLiveState } from "@/lib/orders/state-machine";

type Wire = Omit<OrderPage, "orders"> & { orders: (Omit<OrderPage["orders"][number], "createdAt" | "finishedAt"> & { createdAt: string | Date })[] };


/** The orders table, refreshed every few seconds while any shown order is still moving. */
export function OrdersTable({ initial, query, currency }: { initial: Wire; query: string; currency: string }) {
  const { data } = useQuery({
    queryKey: ["orders", query],
    queryFn: async (): Promise<Wire> => {
      const res = await fetch(`/api/panel/orders?${query}`, { cache: "no-store" });
      if (!res.ok) throw new Error(`orders: HTTP ${res.status}`);
      return res.json();
    },
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.orders.some((o) => isLiveState(o.state)) ? 5_000 : false),
  });
  if (!data.orders.length) return <p className="py-6 text-center text-sm text-slate-500">No orders here yet.</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2">Order</th>
          <th>Service / product</th>
          <th>Link</th>
          <th className="text-right">Quantity</th>
          <th className="text-right">Charge</th>
          <th className="text-right">Start</th>
          <th className="text-right">Remains</th>
          <th className="pl-4">Status</th>
          <th>Date</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {data.orders.map((o) => (
          <tr key={o.id} data-testid={`order-row-${o.id}`}>
            <td className="py-2">
              <Link href={`/orders/${o.id}`} className="font-medium text-indigo-600 hover:underline">
                #{o.id}
              </Link>
            </td>
            <td>{o.name}</td>
            <td className="max-w-48 truncate text-slate-500" title={o.link ?? ""}>{o.link ?? "—"}</td>
            <td className="text-right tabular-nums">{o.quantity}</td>
            <td className="text-right tabular-nums">{formatMoney(o.charge, currency)}</td>
            <td className="text-right tabular-nums">{o.startCount ?? "—"}</td>
            <td className="text-right tabular-nums">{o.remains ?? "—"}</td>
            <td className="pl-4"><OrderStateBadge state={o.state} /></td>
            <td className="text-xs text-slate-500">{new Date(o.createdAt).toISOString().slice(0, 16).replace("T", " ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
