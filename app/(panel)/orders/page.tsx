import { plural } from "@/lib/util/plural";
import type { Metadata } from "next";
import Link from "next/link";
import { ORDER_STATE_FILTERS } from "@/components/orders/order-state";
import { OrdersTable } from "@/components/orders/orders-table";
import { Card, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { listStorefrontOrders } from "@/lib/storefront/order-view";

export const metadata: Metadata = { title: "Orders — Reseller Panel" };

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  const raw = await searchParams;
  const filters = { state: raw.state || undefined, search: raw.search || undefined, page: raw.page || undefined };
  const page = await listStorefrontOrders(await getDb(), user.id, filters);
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]).toString();
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const link = (p: number) => `/orders?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), page: String(p) })}`;
  return (
    <>
      <PageHeader
        title="Orders"
        description={plural(page.total, "order")}
        actions={<Link href="/new-order" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500">New order</Link>}
      />
      <nav className="mb-4 flex flex-wrap gap-1 text-sm" aria-label="Filter by status">
        {ORDER_STATE_FILTERS.map((f) => (
          <Link
            key={f.value}
            href={f.value ? `/orders?state=${f.value}` : "/orders"}
            className={`rounded-full px-3 py-1 ${(raw.state ?? "") === f.value ? "bg-indigo-600 text-white" : "bg-white text-slate-600 ring-1 ring-slate-200"}`}
          >
            {f.label}
          </Link>
        ))}
        <form className="ml-auto flex gap-2">
          {raw.state ? <input type="hidden" name="state" value={raw.state} /> : null}
          <input name="search" defaultValue={raw.search} placeholder="Order id or link" aria-label="Search orders" className="rounded-md border border-slate-300 px-3 py-1 text-sm" />
        </form>
      </nav>
      <Card>
        <OrdersTable initial={page} query={query} currency={PANEL_CURRENCY} />
        {pages > 1 ? (
          <div className="mt-4 flex justify-between text-sm">
            {page.page > 1 ? <Link href={link(page.page - 1)} className="text-indigo-600">← Newer</Link> : <span />}
            <span className="text-slate-500">Page {page.page} of {pages}</span>
            {page.page < pages ? <Link href={link(page.page + 1)} className="text-indigo-600">Older →</Link> : <span />}
          </div>
        ) : null}
      </Card>
    </>
  );
}
