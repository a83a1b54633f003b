import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, OrderStateBadge } from "@/components/admin/badges";
import { CreditFundsForm } from "@/components/admin/credit-funds-form";
import { formatWhen } from "@/components/admin/format";
import { Pagination } from "@/components/admin/pagination";
import { Card, EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { getUserDetail, type UserDetail } from "@/lib/admin/users";
import { CustomerPricingForm } from "@/components/pricing/customer-pricing-form";
import { customerPricingForStaff } from "@/lib/pricing/customer-prices";
import { requireStaff } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "User — Reseller Panel" };

export default async function UserDetailPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ ledgerPage?: string }> }) {
  const actor = await requireStaff();
  const { id } = await params;
  const { ledgerPage } = await searchParams;
  const detail = /^\d{1,10}$/.test(id)
    ? await getUserDetail(await getDb(), actor, Number(id), { ledgerPage: Number.parseInt(ledgerPage ?? "1", 10) || 1 })
    : null;
  if (!detail) notFound();
  const { user, ledger, orders } = detail;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/users" className="text-indigo-700 hover:underline">
          ← Users
        </Link>
      </p>
      <PageHeader title={user.email} description={`${user.name ? `${user.name} · ` : ""}account #${user.id} since ${formatWhen(user.createdAt)}`} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Balance" value={formatMoney(user.balance, PANEL_CURRENCY)} hint="Sum of the ledger entries below." />
        <Stat
          label="Account"
          value={
            <span className="flex items-center gap-2 text-lg">
              {user.role}
              <Badge tone={user.status === "active" ? "green" : "red"}>{user.status}</Badge>
            </span>
          }
        />
        <Stat label="Orders" value={user.orderCount} />
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card title="Add funds" className="lg:col-span-1">
          {actor.role !== "admin" ? (
            <p className="text-sm text-slate-500">Only an admin can add funds.</p>
          ) : user.role !== "customer" ? (
            <p className="text-sm text-slate-500">Funds can only be added to customer accounts.</p>
          ) : (
            <CreditFundsForm customerId={user.id} currency={PANEL_CURRENCY} />
          )}
        </Card>
        <Card title="Recent orders" className="lg:col-span-2">
          <RecentOrders orders={orders} email={user.email} />
        </Card>
      </div>
      {user.role === "customer" ? (
        <Card title="Prices for this customer" className="mt-6 max-w-xl">
          <CustomerPricingForm customerId={user.id} pricing={await customerPricingForStaff(await getDb(), actor, user.id)} isAdmin={actor.role === "admin"} />
        </Card>
      ) : null}
      <Card title={`Ledger (${ledger.total} ${ledger.total === 1 ? "entry" : "entries"})`} className="mt-6">
        <LedgerTable entries={ledger.entries} />
        <Pagination path={`/admin/users/${user.id}`} params={{}} page={ledger.page} pageSize={ledger.pageSize} total={ledger.total} pageParam="ledgerPage" />
      </Card>
    </>
  );
}

function LedgerTable({ entries }: { entries: UserDetail["ledger"]["entries"] }) {
  if (entries.length === 0) return <EmptyState>No ledger entries yet.</EmptyState>;
  return (
    <div className="-mx-5 overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="ledger">
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2 pl-5 pr-3">When</th>
            <th className="px-3">Kind</th>
            <th className="px-3 text-right">Amount</th>
            <th className="px-3 text-right">Balance after</th>
            <th className="px-3">Order</th>
            <th className="px-3">Reason</th>
            <th className="py-2 pl-3 pr-5">By</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((e) => (
            <tr key={e.id} data-testid={`ledger-entry-${e.id}`}>
              <td className="py-2 pl-5 pr-3 whitespace-nowrap text-slate-500">{formatWhen(e.createdAt)}</td>
              <td className="px-3">{e.kind.replace("_", " ")}</td>
              <td className={`px-3 text-right tabular-nums ${e.amount.startsWith("-") ? "text-red-700" : "text-green-700"}`}>
                {e.amount.startsWith("-") ? "" : "+"}
                {formatMoney(e.amount)}
              </td>
              <td className="px-3 text-right tabular-nums">{formatMoney(e.balanceAfter)}</td>
              <td className="px-3">{e.orderId ? `#${e.orderId}` : "—"}</td>
              <td className="max-w-64 px-3 text-slate-700">{e.reason ?? "—"}</td>
              <td className="py-2 pl-3 pr-5 text-slate-600">{e.actor ? e.actor.email : "system"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RecentOrders({ orders, email }: { orders: UserDetail["orders"]; email: string }) {
  if (orders.length === 0) return <EmptyState>No orders yet.</EmptyState>;
  return (
    <>
      <ul className="divide-y divide-slate-100 text-sm">
        {orders.map((o) => (
          <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span>
              <span className="font-medium">#{o.id}</span> {o.item} × {o.quantity.toLocaleString("en-US")}
              <span className="block text-xs text-slate-500">
                {o.provider} · {formatWhen(o.createdAt)}
                {o.upstreamOrderId ? ` · upstream ${o.upstreamOrderId}` : ""}
              </span>
            </span>
            <span className="flex items-center gap-2">
              {o.flag ? <Badge tone="red" title={o.flag}>flagged</Badge> : null}
              <OrderStateBadge state={o.state} />
              <span className="tabular-nums">{formatMoney(o.charge, PANEL_CURRENCY)}</span>
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-sm">
        <Link href={`/admin/orders?email=${encodeURIComponent(email)}`} className="text-indigo-700 hover:underline">
          All orders of this customer →
        </Link>
      </p>
    </>
  );
}
