import type { Metadata } from "next";
import Link from "next/link";
import { AddFundsForm } from "@/components/payments/add-funds-form";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { SUPPORT_HREF } from "@/lib/navigation";
import { listMethodOffers } from "@/lib/payments/customer-queries";

export const metadata: Metadata = { title: "Add funds — Reseller Panel" };

export default async function AddFundsPage() {
  await requireUser();
  const methods = await listMethodOffers(await getDb());
  return (
    <>
      <PageHeader title="Add funds" description={<Link href="/funds" className="text-indigo-600 hover:underline">← Back to funds</Link>} />
      <Card className="max-w-xl">
        {methods.length ? <AddFundsForm methods={methods} panelCurrency={PANEL_CURRENCY} /> : <EmptyState>
            No payment method is available yet. <Link href={SUPPORT_HREF} className="font-medium text-indigo-700 hover:underline">Contact support</Link> to add funds.
          </EmptyState>}
      </Card>
    </>
  );
}
