import type { Metadata } from "next";
import { KeysetPager } from "@/components/order-lists/keyset-pager";
import { OrderRow } from "@/components/order-lists/order-row";
import { OrdersSubnav } from "@/components/order-lists/orders-subnav";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { parseBefore, searchOrdersByLink } from "@/lib/storefront/order-lists";

export const metadata: Metadata = { title: "Find orders by link" };

export default async function OrderSearchPage({ searchParams }: { searchParams: Promise<{ link?: string; before?: string }> }) {
  const user = await requireUser();
  const raw = await searchParams;
  const link = (raw.link ?? "").slice(0, 200);
  const before = parseBefore(raw.before);
  const page = link.trim() ? await searchOrdersByLink(await getDb(), user.id, link, before) : null;
  const query = (extra: Record<string, string>) => `/orders/search?${new URLSearchParams({ link, ...extra })}`;
  return (
    <>
      <PageHeader title="Find orders by link" description="Every order whose link contains what you type, in any state, newest first." />
      <OrdersSubnav current="/orders/search" />
      <Card>
        <form className="mb-4 flex flex-wrap items-end gap-2" role="search">
          <label className="min-w-0 flex-1 text-sm font-medium text-slate-700">
            Link or part of it
            <input
              name="link"
              type="search"
              defaultValue={link}
              maxLength={200}
              placeholder="instagram.com/p/…"
              className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-indigo-200"
            />
          </label>
          <Button type="submit">Search</Button>
        </form>
        {page === null ? null : page.rows.length === 0 ? (
          <EmptyState>No orders{before ? " older than these" : ""} with a link containing “{link.trim()}”.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Orders found">
            {page.rows.map((order) => (
              <OrderRow key={order.id} order={order} currency={PANEL_CURRENCY} />
            ))}
          </ul>
        )}
        {page ? <KeysetPager isFirst={before === null} firstHref={query({})} nextHref={page.nextBefore ? query({ before: String(page.nextBefore) }) : null} /> : null}
      </Card>
    </>
  );
}
