import type { Metadata } from "next";
import { KeysetPager } from "@/components/order-lists/keyset-pager";
import { OrdersSubnav } from "@/components/order-lists/orders-subnav";
import { RefillList } from "@/components/order-lists/refill-list";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listRefills, parseBefore } from "@/lib/storefront/order-lists";

export const metadata: Metadata = { title: "Refills" };

export default async function RefillsPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const user = await requireUser();
  const before = parseBefore((await searchParams).before);
  const page = await listRefills(await getDb(), user.id, before);
  return (
    <>
      <PageHeader title="Refills" description="Every refill you asked for, on any order, with its state. Ask for one on a completed order's page." />
      <OrdersSubnav current="/refills" />
      <Card>
        {page.rows.length === 0 ? <EmptyState>No refills{before ? " older than these" : " yet"}.</EmptyState> : <RefillList rows={page.rows} />}
        <KeysetPager isFirst={before === null} firstHref="/refills" nextHref={page.nextBefore ? `/refills?before=${page.nextBefore}` : null} />
      </Card>
    </>
  );
}
