import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/admin/pagination";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { requireUser } from "@/lib/auth/session";
import { listCustomerUpdates } from "@/lib/catalog/change-log";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Updates" };

const LABELS = {
  new: { text: "New service", className: "bg-green-50 text-green-700 ring-green-200" },
  disabled: { text: "Disabled", className: "bg-slate-100 text-slate-600 ring-slate-200" },
  price_up: { text: "Price increased", className: "bg-amber-50 text-amber-800 ring-amber-200" },
  price_down: { text: "Price decreased", className: "bg-green-50 text-green-700 ring-green-200" },
} as const;

export default async function UpdatesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requireUser();
  const { page } = await searchParams;
  const updates = await listCustomerUpdates(await getDb(), { page });
  return (
    <>
      <PageHeader title="Updates" description={`New services and products, disabled ones and price changes, newest first. Service prices in ${PANEL_CURRENCY} per 1000, product prices per unit.`} />
      <Card>
        {updates.rows.length === 0 ? (
          <EmptyState>No updates yet.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="updates">
            {updates.rows.map((u) => (
              <li key={u.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3 text-sm">
                <div className="min-w-0 flex-1">
                  <span className={`mr-2 inline-flex rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${LABELS[u.change].className}`}>{LABELS[u.change].text}</span>
                  {u.change === "disabled" ? (
                    <span className="font-medium text-slate-900">{u.itemKind === "product" ? "Product " : ""}#{u.serviceId} {u.serviceName}</span>
                  ) : (
                    <Link href={u.itemKind === "product" ? "/products" : `/new-order?service=${u.serviceId}`} className="font-medium text-indigo-700 hover:underline">
                      {u.itemKind === "product" ? "Product " : ""}#{u.serviceId} {u.serviceName}
                    </Link>
                  )}
                  <span className="block text-xs text-slate-500">{u.category}</span>
                </div>
                <div className="flex items-baseline gap-3 tabular-nums">
                  {u.change === "price_up" || u.change === "price_down" ? (
                    <span>{formatMoney(u.oldRate ?? "0", PANEL_CURRENCY, { style: "rate" })} → <strong>{formatMoney(u.newRate ?? "0", PANEL_CURRENCY, { style: "rate" })}</strong></span>
                  ) : u.change === "new" && u.newRate ? (
                    <span>{formatMoney(u.newRate, PANEL_CURRENCY, { style: "rate" })}</span>
                  ) : null}
                  <Time value={u.createdAt} relative className="text-xs text-slate-500" />
                </div>
              </li>
            ))}
          </ul>
        )}
        <Pagination path="/updates" params={{}} page={updates.page} pageSize={updates.pageSize} total={updates.total} />
      </Card>
    </>
  );
}
