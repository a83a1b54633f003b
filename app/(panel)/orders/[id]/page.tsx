import { plural } from "@/lib/util/plural";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderDetail } from "@/components/orders/order-detail";
import { Card, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { getProductResults } from "@/lib/orders";
import { getOrderHistory } from "@/lib/storefront/order-history";

export const metadata: Metadata = { title: "Order" };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const db = await getDb();
  const history = /^\d{1,9}$/.test(id) ? await getOrderHistory(db, user.id, Number(id)) : null;
  if (!history) notFound();
  const results = history.order.kind === "product" ? await getProductResults(db, user.id, history.order.id) : null;
  return (
    <>
      <PageHeader title={`Order #${history.order.id}`} actions={
          <span className="flex flex-wrap gap-4 text-sm">
            <Link href={`/tickets/new?kind=order&orders=${history.order.id}`} className="text-indigo-700 hover:underline">Contact support</Link>
            <Link href="/orders" className="text-indigo-700 hover:underline">← All orders</Link>
          </span>
        } />
      <OrderDetail initial={history} currency={PANEL_CURRENCY} />
      {results ? (
        <Card title="Results" className="mt-6">
          {results.ok ? (
            <>
              <pre className="max-h-96 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100" data-testid="product-results">{results.lines.join("\n")}</pre>
              <a href={`/api/panel/orders/${history.order.id}/results`} className="mt-3 inline-block text-sm font-medium text-indigo-700 hover:underline">
                Download ({plural(results.lines.length, "line")})
              </a>
            </>
          ) : (
            <p className="text-sm text-slate-500">{results.message}</p>
          )}
        </Card>
      ) : null}
    </>
  );
}
