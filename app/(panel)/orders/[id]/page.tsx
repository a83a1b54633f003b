import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderActionButton } from "@/components/orders/order-action-button";
import { OrderStateBadge } from "@/components/orders/order-state";
import { Card, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { formatMoney } from "@/lib/money";
import { getOrder, getProductResults } from "@/lib/orders";
import { listOrderRefills } from "@/lib/panel/order-refills";
import { orderParamsForPeople } from "@/lib/service-types/service-types";
import { requestCancelAction, requestRefillAction } from "@/components/orders/actions/order-actions";

export const metadata: Metadata = { title: "Order — Reseller Panel" };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const orderId = /^\d{1,9}$/.test(id) ? Number(id) : NaN;
  const db = await getDb();
  const order = await getOrder(db, user.id, orderId);
  if (!order) notFound();
  const [refills, results] = await Promise.all([
    listOrderRefills(db, user.id, order.id),
    order.kind === "product" ? getProductResults(db, user.id, order.id) : Promise.resolve(null),
  ]);
  const details = orderParamsForPeople(order.params);
  const rows: [string, React.ReactNode][] = [
    ["Status", <OrderStateBadge key="s" state={order.state} />],
    [order.kind === "product" ? "Product" : "Service", order.name],
    ["Link", order.link ?? "—"],
    ["Quantity", order.quantity],
    ["Charge", formatMoney(order.charge, PANEL_CURRENCY)],
    ["Start count", order.startCount ?? "—"],
    ["Remains", order.remains ?? "—"],
    ["Placed", order.createdAt.toISOString().replace("T", " ").slice(0, 16)],
    ["Finished", order.finishedAt ? order.finishedAt.toISOString().replace("T", " ").slice(0, 16) : "—"],
  ];
  return (
    <>
      <PageHeader title={`Order #${order.id}`} actions={<Link href="/orders" className="text-sm text-indigo-600 hover:underline">← All orders</Link>} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <dl className="grid grid-cols-3 gap-x-4 gap-y-2 text-sm">
            {rows.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-slate-500">{label}</dt>
                <dd className="col-span-2 break-all" data-testid={`order-${label.toLowerCase().replace(/\W+/g, "-")}`}>{value}</dd>
              </div>
            ))}
            {details.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-slate-500">{label}</dt>
                <dd className="col-span-2 whitespace-pre-wrap break-all">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <div className="space-y-4">
          {order.canRefill ? (
            <Card title="Refill">
              <p className="mb-3 text-xs text-slate-500">Ask the provider to top up what dropped. One request per order per day.</p>
              <OrderActionButton action={requestRefillAction} orderId={order.id} label="Request refill" />
            </Card>
          ) : null}
          {order.canCancel ? (
            <Card title="Cancel">
              <OrderActionButton action={requestCancelAction} orderId={order.id} label="Request cancel" variant="danger" />
            </Card>
          ) : null}
          {refills.length ? (
            <Card title="Refills">
              <ul className="space-y-1 text-sm" data-testid="refills">
                {refills.map((r) => (
                  <li key={r.id} className="flex justify-between">
                    <span>#{r.id} · {r.createdAt.toISOString().slice(0, 16).replace("T", " ")}</span>
                    <span className="text-slate-600">{r.state.replace("_", " ")}</span>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </div>
      </div>
      {results ? (
        <Card title="Results" className="mt-6">
          {results.ok ? (
            <>
              <pre className="max-h-96 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100" data-testid="product-results">{results.lines.join("\n")}</pre>
              <a href={`/api/panel/orders/${order.id}/results`} className="mt-3 inline-block text-sm font-medium text-indigo-600 hover:underline">
                Download ({results.lines.length} lines)
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
