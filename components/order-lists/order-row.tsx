// One order in the order-list pages (drip-feed, subscriptions, search): what was ordered, its
// state and money first, details below, and the order's own actions — a list row that wraps at
// phone width instead of a table that scrolls sideways.
import Link from "next/link";
import type { ReactNode } from "react";
import { OrderStateBadge } from "@/components/orders/order-state";
import { OrderActions } from "@/components/orders/orders-table";
import { formatMoney } from "@/lib/money/format";
import type { StorefrontOrder } from "@/lib/storefront/order-view";
import { formatDateTime } from "@/lib/time/format";

export function OrderRow({ order, currency, children }: { order: StorefrontOrder; currency: string; children?: ReactNode }) {
  return (
    <li className="space-y-2 py-4" data-testid={`order-row-${order.id}`}>
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
        <div className="min-w-0">
          <Link href={`/orders/${order.id}`} className="font-medium text-indigo-700 hover:underline">
            #{order.id}
          </Link>{" "}
          <span className="text-slate-900">{order.name}</span>
          {order.link ? <p className="truncate text-xs text-slate-600" title={order.link}>{order.link}</p> : null}
        </div>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <OrderStateBadge state={order.state} />
          <span className="font-medium tabular-nums" data-testid="order-net" title={`Charged ${order.charge}, refunded ${order.refunded}`}>
            {formatMoney(order.net, currency)}
          </span>
        </div>
      </div>
      {children}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="text-xs text-slate-600">Placed {formatDateTime(order.createdAt)}</span>
        <OrderActions order={order} />
      </div>
    </li>
  );
}
