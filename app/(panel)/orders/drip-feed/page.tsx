import type { Metadata } from "next";
import { DripFeedProgress } from "@/components/order-lists/drip-feed-progress";
import { KeysetPager } from "@/components/order-lists/keyset-pager";
import { OrderRow } from "@/components/order-lists/order-row";
import { OrdersSubnav } from "@/components/order-lists/orders-subnav";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { listDripFeedOrders, parseBefore } from "@/lib/storefront/order-lists";

export const metadata: Metadata = { title: "Drip-feed orders" };

export default async function DripFeedPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const user = await requireUser();
  const before = parseBefore((await searchParams).before);
  const page = await listDripFeedOrders(await getDb(), user.id, before);
  return (
    <>
      <PageHeader title="Drip-feed orders" description="Orders delivered in runs: each run's progress, newest orders first." />
      <OrdersSubnav current="/orders/drip-feed" />
      <Card>
        {page.rows.length === 0 ? (
          <EmptyState>No drip-feed orders{before ? " older than these" : " yet"}. Services with drip-feed offer runs and an interval on the order form.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Drip-feed orders">
            {page.rows.map((order) => (
              <OrderRow key={order.id} order={order} currency={PANEL_CURRENCY}>
                <DripFeedProgress order={order} />
              </OrderRow>
            ))}
          </ul>
        )}
        <KeysetPager isFirst={before === null} firstHref="/orders/drip-feed" nextHref={page.nextBefore ? `/orders/drip-feed?before=${page.nextBefore}` : null} />
      </Card>
    </>
  );
}
