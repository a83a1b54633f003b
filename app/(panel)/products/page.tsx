import type { Metadata } from "next";
import { BuyProductForm } from "@/components/orders/buy-product-form";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { listProducts } from "@/lib/catalog";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { formatMoney } from "@/lib/money/format";

export const metadata: Metadata = { title: "Products — Reseller Panel" };

export default async function ProductsPage() {
  const user = await requireUser();
  const products = await listProducts(await getDb(), { customerId: user.id });
  return (
    <>
      <PageHeader title="Products" description="Digital products: accounts, codes and subscriptions. Results appear on the order once delivered." />
      {products.length === 0 ? <EmptyState>No products are available right now.</EmptyState> : null}
      <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
        {products.map((p) => (
          <Card key={p.id} title={p.name}>
            <p className="mb-3 text-xs text-slate-500">
              {p.category} · {p.productType} · {p.stockStatus}
              {p.inventory !== null ? ` (${p.inventory} left)` : ""} · {formatMoney(p.sellRate, PANEL_CURRENCY, { style: "rate" })} each
            </p>
            <BuyProductForm product={p} currency={PANEL_CURRENCY} />
          </Card>
        ))}
      </div>
    </>
  );
}
