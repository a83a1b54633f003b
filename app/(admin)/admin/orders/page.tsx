import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { OrderStateBadge, staffStateLabel } from "@/components/orders/order-state";
import { FilterBar, FilterInput, FilterSelect, YES_NO } from "@/components/admin/filter-bar";
import { Time } from "@/components/ui/time";
import { OrderEvents } from "@/components/admin/order-events";
import { OrdersTable } from "@/components/admin/orders-table";
import { Pagination } from "@/components/admin/pagination";
import { ResolveOrderForm } from "@/components/admin/resolve-order-form";
import { AcceptCandidateForm } from "@/components/admin/accept-candidate-form";
import { listUpstreamOrphans } from "@/lib/reconcile/list-orphans";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { listProviderNames } from "@/lib/providers/staff-providers";
import {
  countOrdersForAttention, listFlaggedOrders, listOrdersForStaff, listOrdersToResolve, listRecentlyResolved, type StaffOrder,
} from "@/lib/admin/orders";
import { ORDER_STATES } from "@/lib/admin/schemas";
import { requireStaff, type SessionUser } from "@/lib/auth/session";
import { manualRefundOptions, type ManualRefundOption } from "@/lib/admin/order-refund";
import type { Db } from "@/lib/db/connection";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { formatMoney } from "@/lib/money/format";

export const metadata: Metadata = { title: "Orders" };

type Params = {
  view?: string; q?: string; state?: string; email?: string; providerId?: string; serviceId?: string; from?: string; to?: string; flagged?: string; page?: string;
};

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requireStaff();
  const { view, ...filters } = await searchParams;
  const db = await getDb();
  const counts = await countOrdersForAttention(db, actor);
  const tabs = [
    { key: undefined, label: "All orders" },
    { key: "resolve", label: `To resolve (${counts.unknown})` },
    { key: "flagged", label: `Flagged (${counts.flagged})` },
  ];
  return (
    <>
      <PageHeader title="Orders" description="Every customer's orders, with what the provider answered." />
      <nav aria-label="Order views" className="mb-4 flex gap-1 border-b border-slate-200">
        {tabs.map((t) => {
          const active = (view === "resolve" || view === "flagged" ? view : undefined) === t.key;
          return (
            <Link
              key={t.label}
              href={t.key ? `/admin/orders?view=${t.key}` : "/admin/orders"}
              aria-current={active ? "page" : undefined}
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${active ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            >
              {t.label}
            </Link>
          );
        })}
      </nav>
      {view === "resolve" ? (
        <>
          <ToResolve orders={await listOrdersToResolve(db, actor)} isAdmin={actor.role === "admin"} />
          <Orphans orphans={await listUpstreamOrphans(db, actor)} />
          <RecentlyResolved resolutions={await listRecentlyResolved(db, actor)} />
        </>
      ) : view === "flagged" ? (
        <Flagged orders={await listFlaggedOrders(db, actor)} />
      ) : (
        <AllOrdersView db={db} actor={actor} filters={filters} />
      )}
    </>
  );
}

async function AllOrdersView({ db, actor, filters }: { db: Db; actor: SessionUser; filters: Omit<Params, "view"> }) {
  const [result, providers] = await Promise.all([listOrdersForStaff(db, actor, filters), listProviderNames(db, actor)]);
  const refundable = actor.role === "admin" ? await manualRefundOptions(db, actor, result.orders) : undefined;
  return <AllOrders filters={filters} result={result} providers={providers} refundable={refundable} />;
}

function AllOrders({
  filters,
  result,
  providers,
  refundable,
}: {
  filters: Omit<Params, "view">;
  result: Awaited<ReturnType<typeof listOrdersForStaff>>;
  providers: { id: number; name: string }[];
  refundable?: Map<number, ManualRefundOption>;
}) {
  return (
    <Card>
      <FilterBar resetHref="/admin/orders">
        <FilterInput label="Search" name="q" type="search" value={filters.q} placeholder="#id, upstream id, link or email" />
        <FilterSelect label="State" name="state" value={filters.state} options={ORDER_STATES.map((s) => ({ value: s, label: staffStateLabel(s) }))} />
        <FilterInput label="Customer email" name="email" value={filters.email} placeholder="part of an email" width="w-48" />
        <FilterSelect label="Provider" name="providerId" value={filters.providerId} options={providers.map((p) => ({ value: String(p.id), label: p.name }))} />
        <FilterInput label="Service #" name="serviceId" value={filters.serviceId} placeholder="id" width="w-24" />
        <FilterInput label="From (UTC)" name="from" type="date" value={filters.from} width="w-40" />
        <FilterInput label="To (UTC)" name="to" type="date" value={filters.to} width="w-40" />
        <FilterSelect label="Flag" name="flagged" value={filters.flagged} options={YES_NO("Flagged", "Not flagged")} />
      </FilterBar>
      {result.orders.length === 0 ? <EmptyState>No order matches these filters.</EmptyState> : <OrdersTable orders={result.orders} refundable={refundable} />}
      <Pagination path="/admin/orders" params={filters} page={result.page} pageSize={result.pageSize} total={result.total} />
    </Card>
  );
}

type WithEvents = StaffOrder & { events: { id: string; type: string; message: string; createdAt: Date }[] };

function OrderSummary({ order }: { order: WithEvents }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-semibold text-slate-900">#{order.id}</span>
        <OrderStateBadge state={order.state} audience="staff" />
        <span className="text-sm text-slate-700">
          {order.item} × {order.quantity.toLocaleString("en-US")} · {order.provider.name}
        </span>
      </div>
      <span className="text-sm text-slate-600">
        <Link href={`/admin/users/${order.user.id}`} className="text-indigo-700 hover:underline">
          {order.user.email}
        </Link>{" "}
        · charged {formatMoney(order.charge, PANEL_CURRENCY)} · <Time value={order.createdAt} relative />
      </span>
    </div>
  );
}

function ToResolve({ orders, isAdmin }: { orders: WithEvents[]; isAdmin: boolean }) {
  if (orders.length === 0) return <EmptyState>Nothing to resolve: every order has a definite answer from its provider.</EmptyState>;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        The provider&apos;s answer to these orders was lost: they may or may not exist upstream, and they are never sent again. The worker&apos;s
        reconciler settles most of them from the provider&apos;s records; the ones here it could not settle alone (its reason is the flag). Look each
        one up in the provider&apos;s own panel (link, quantity, time), then record what you found, or accept one of the candidates it found.
      </p>
      {orders.map((o) => (
        <Card key={o.id}>
          <div className="space-y-3" data-testid={`to-resolve-${o.id}`}>
            <OrderSummary order={o} />
            {o.link ? <p className="break-all font-mono text-xs text-slate-600">{o.link}</p> : null}
            {o.lastError ? <p className="text-xs text-slate-500">Last error: {o.lastError}</p> : null}
            <OrderEvents events={o.events} />
            {isAdmin && o.reconcileCandidates.length ? (
              <div className="flex flex-wrap items-start gap-2" aria-label={`Upstream orders that fit order #${o.id}`}>
                <span className="py-1.5 text-xs text-slate-600">Fits the charge:</span>
                {o.reconcileCandidates.map((upstreamId) => (
                  <AcceptCandidateForm key={upstreamId} orderId={o.id} upstreamId={upstreamId} />
                ))}
              </div>
            ) : null}
            {isAdmin ? <ResolveOrderForm orderId={o.id} /> : <p className="text-xs text-slate-500">Only an admin can resolve orders.</p>}
          </div>
        </Card>
      ))}
    </div>
  );
}

function Orphans({ orphans }: { orphans: Awaited<ReturnType<typeof listUpstreamOrphans>> }) {
  if (orphans.length === 0) return null;
  return (
    <Card title="Orphans: upstream orders of our key that no order claims" className="mt-6">
      <p className="mb-2 text-xs text-slate-600">
        Found by the reconciler: a late creation after a refund, or an order placed outside the panel with our key. They cost us money upstream and are
        never attached to an order automatically.
      </p>
      <ul className="divide-y divide-slate-100 text-sm">
        {orphans.map((o) => (
          <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid={`orphan-${o.id}`}>
            <span className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{o.provider.name}</span>
              <span className="font-mono">{o.upstreamOrderId}</span>
              <Badge>{o.upstreamStatus}</Badge>
              <span className="text-xs text-slate-500">{o.note}</span>
            </span>
            <span className="text-xs text-slate-500">
              {o.cost ? formatMoney(o.cost, PANEL_CURRENCY) : "cost unknown"} · <Time value={o.foundAt} relative />
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function RecentlyResolved({ resolutions }: { resolutions: Awaited<ReturnType<typeof listRecentlyResolved>> }) {
  if (resolutions.length === 0) return null;
  return (
    <Card title="Resolved in the last 24 hours" className="mt-6">
      <ul className="divide-y divide-slate-100 text-sm">
        {resolutions.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid={`resolved-${r.order.id}`}>
            <span className="flex items-center gap-2">
              <span className="font-medium">#{r.order.id}</span>
              <OrderStateBadge state={r.order.state} audience="staff" />
              <span className="text-slate-700">{r.message}</span>
            </span>
            <span className="text-xs text-slate-500">
              <Link href={`/admin/users/${r.order.user.id}`} className="text-indigo-700 underline">
                {r.order.user.email}
              </Link>{" "}
              · {formatMoney(r.order.charge, PANEL_CURRENCY)} · <Time value={r.createdAt} relative />
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Flagged({ orders }: { orders: WithEvents[] }) {
  if (orders.length === 0) return <EmptyState>No flagged order.</EmptyState>;
  return (
    <div className="space-y-4">
      {orders.map((o) => (
        <Card key={o.id}>
          <div className="space-y-3" data-testid={`flagged-${o.id}`}>
            <OrderSummary order={o} />
            <p className="flex items-start gap-2 text-sm text-red-700">
              <Badge tone="red">flag</Badge> {o.flag}
            </p>
            <p className="text-xs text-slate-500">
              Upstream: {o.upstreamOrderId ?? "no id"} · status {o.upstreamStatus ?? "—"} · charge{" "}
              {o.upstreamCharge !== null ? `${o.upstreamCharge} ${o.upstreamCurrency ?? ""}` : "—"}
            </p>
            <OrderEvents events={o.events} />
          </div>
        </Card>
      ))}
    </div>
  );
}
