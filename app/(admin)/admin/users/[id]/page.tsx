import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { OrderStateBadge } from "@/components/orders/order-state";
import { CreditFundsForm, DeductFundsForm } from "@/components/users/funds-form";
import { formatDateTime } from "@/lib/time/format";
import { Pagination } from "@/components/admin/pagination";
import { Card, EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { getUserDetail, type UserDetail } from "@/lib/users/user-detail";
import { CustomerPricingForm } from "@/components/pricing/customer-pricing-form";
import { customerPricingForStaff } from "@/lib/pricing/set-customer-pricing";
import { requireStaff } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { formatMoney } from "@/lib/money/format";
import { Money } from "@/components/ui/money";
import { Time } from "@/components/ui/time";
import { ledgerKindLabel } from "@/lib/ledger/labels";

export const metadata: Metadata = { title: "User" };

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
      <PageHeader title={user.email} description={`${user.name ? `${user.name} · ` : ""}account #${user.id} since ${formatDateTime(user.createdAt)}`} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Balance" value={<Money amount={user.balance} currency={PANEL_CURRENCY} />} hint="Sum of the ledger entries below, exact." />
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
        <Card title="Add or deduct funds" className="lg:col-span-1">
          {actor.role !== "admin" ? (
            <p className="text-sm text-slate-500">Only an admin can add funds.</p>
          ) : user.role !== "customer" ? (
            <p className="text-sm text-slate-500">Funds can only be added to customer accounts.</p>
          ) : (
            <>
              <CreditFundsForm customerId={user.id} customerEmail={user.email} currency={PANEL_CURRENCY} />
              <hr className="my-5 border-slate-200" />
              <DeductFundsForm customerId={user.id} customerEmail={user.email} currency={PANEL_CURRENCY} balance={formatMoney(user.balance, PANEL_CURRENCY)} />
            </>
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

const signed = (amount: string) => (amount.startsWith("-") ? "text-red-700" : "text-green-700");

function LedgerTable({ entries }: { entries: UserDetail["ledger"]["entries"] }) {
  return (
    <DataTable
      label="Ledger"
      testId="ledger"
      rows={entries}
      rowTestId={(e) => `ledger-entry-${e.id}`}
      empty="No ledger entries yet."
      columns={(column) => [
        column({ header: "When", className: "whitespace-nowrap text-slate-500", cell: (e) => <Time value={e.createdAt} relative /> }),
        column({ header: "Kind", card: "title", cell: (e) => ledgerKindLabel(e.kind) }),
        column({ header: "Amount", card: "primary", align: "right", className: (e) => `tabular-nums ${signed(e.amount)}`, cell: (e) => <Money amount={e.amount} currency={PANEL_CURRENCY} signed /> }),
        column({ header: "Balance after", card: "primary", align: "right", className: "tabular-nums", cell: (e) => <Money amount={e.balanceAfter} currency={PANEL_CURRENCY} style="cents" /> }),
        column({ header: "Order", cell: (e) => (e.orderId ? `#${e.orderId}` : "—") }),
        column({ header: "Reason", className: "max-w-64 text-slate-700", cell: (e) => e.reason ?? "—" }),
        column({ header: "By", className: "text-slate-600", cell: (e) => (e.actor ? e.actor.email : "system") }),
      ]}
    />
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
                {o.provider} · <Time value={o.createdAt} relative />
                {o.upstreamOrderId ? ` · upstream ${o.upstreamOrderId}` : ""}
              </span>
            </span>
            <span className="flex items-center gap-2">
              {o.flag ? <Badge tone="red" title={o.flag}>flagged</Badge> : null}
              <OrderStateBadge state={o.state} audience="staff" />
              <Money amount={o.charge} currency={PANEL_CURRENCY} className="tabular-nums" />
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
