import type { Metadata } from "next";
import { NewOrderForm } from "@/components/orders/new-order-form";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { Money } from "@/components/ui/money";
import { getCustomerBalance } from "@/lib/storefront/customer-balance";
import { getServiceDetails, listServiceCategories } from "@/lib/storefront/service-search";

export const metadata: Metadata = { title: "New order — Reseller Panel" };

export default async function NewOrderPage({ searchParams }: { searchParams: Promise<{ service?: string }> }) {
  const user = await requireUser();
  const db = await getDb();
  const requested = (await searchParams).service ?? "";
  const [categories, balance, preselected] = await Promise.all([
    listServiceCategories(db, user.id),
    getCustomerBalance(db, user.id),
    /^\d{1,9}$/.test(requested) ? getServiceDetails(db, user.id, Number(requested)) : Promise.resolve(null),
  ]);
  return (
    <>
      {/* Re-rendered by placeOrderAction (revalidatePath) after each placed order. */}
      <PageHeader title="New order" description={<>Balance: <Money testId="page-balance" amount={balance ?? "0"} currency={PANEL_CURRENCY} style="cents" /></>} />
      <Card className="max-w-2xl">
        {categories.length === 0 ? (
          <EmptyState>No services are available right now.</EmptyState>
        ) : (
          <NewOrderForm categories={categories} initialService={preselected} currency={PANEL_CURRENCY} />
        )}
      </Card>
    </>
  );
}
