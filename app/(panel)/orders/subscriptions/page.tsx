import type { Metadata } from "next";
import { KeysetPager } from "@/components/order-lists/keyset-pager";
import { OrderRow } from "@/components/order-lists/order-row";
import { OrdersSubnav } from "@/components/order-lists/orders-subnav";
import { SubscriptionDetails } from "@/components/order-lists/subscription-details";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { listSubscriptions, parseBefore } from "@/lib/storefront/order-lists";

export const metadata: Metadata = { title: "Subscriptions" };

export default async function SubscriptionsPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const user = await requireUser();
  const before = parseBefore((await searchParams).before);
  const page = await listSubscriptions(await getDb(), user.id, before);
  return (
    <>
      <PageHeader
        title="Subscriptions"
        description="Automatic delivery to an account's new posts. You paid the most it can deliver; what is not delivered by the end is refunded."
      />
      <OrdersSubnav current="/orders/subscriptions" />
      <Card>
        {page.rows.length === 0 ? (
          <EmptyState>No subscriptions{before ? " older than these" : " yet"}.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Subscriptions">
            {page.rows.map((order) => (
              <OrderRow key={order.id} order={order} currency={PANEL_CURRENCY}>
                <SubscriptionDetails order={order} />
              </OrderRow>
            ))}
          </ul>
        )}
        <KeysetPager isFirst={before === null} firstHref="/orders/subscriptions" nextHref={page.nextBefore ? `/orders/subscriptions?before=${page.nextBefore}` : null} />
      </Card>
    </>
  );
}
