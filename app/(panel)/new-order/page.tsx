import type { Metadata } from "next";
import { NewOrderForm } from "@/components/orders/new-order-form";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { listCatalog } from "@/lib/catalog";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "New order — Reseller Panel" };

export default async function NewOrderPage({ searchParams }: { searchParams: Promise<{ service?: string }> }) {
  const user = await requireUser();
  const db = await getDb();
  const [catalog, account] = await Promise.all([
    listCatalog(db, { customerId: user.id }),
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { balance: true } }),
  ]);
  const requested = Number.parseInt((await searchParams).service ?? "", 10);
  return (
    <>
      <PageHeader title="New order" description={`Balance: ${formatMoney(account.balance.toString(), PANEL_CURRENCY)}`} />
      <Card className="max-w-2xl">
        {catalog.length === 0 ? (
          <EmptyState>No services are available right now.</EmptyState>
        ) : (
          <NewOrderForm catalog={catalog} initialServiceId={Number.isSafeInteger(requested) ? requested : undefined} currency={PANEL_CURRENCY} />
        )}
      </Card>
    </>
  );
}
