import type { Metadata } from "next";
import { MassOrderForm } from "@/components/orders/mass-order-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { Money } from "@/components/ui/money";
import { getCustomerBalance } from "@/lib/storefront/customer-balance";

export const metadata: Metadata = { title: "Mass order — Reseller Panel" };

export default async function MassOrderPage() {
  const user = await requireUser();
  const balance = await getCustomerBalance(await getDb(), user.id);
  return (
    <>
      <PageHeader
        title="Mass order"
        // Re-rendered by placeMassOrderAction (revalidatePath) after the orders are placed.
        description={
          <>
            Many orders at once, each placed and charged on its own. Balance:{" "}
            <Money testId="page-balance" amount={balance ?? "0"} currency={PANEL_CURRENCY} style="cents" />
          </>
        }
      />
      <Card className="max-w-4xl">
        <MassOrderForm currency={PANEL_CURRENCY} />
      </Card>
    </>
  );
}
