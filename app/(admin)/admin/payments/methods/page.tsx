import type { Metadata } from "next";
import Link from "next/link";
import { EnabledBadge } from "@/components/admin/badges";
import { BonusRules } from "@/components/payments/bonus-rules";
import { MethodForm } from "@/components/payments/method-form";
import { PaymentsTabs } from "@/components/payments/payments-tabs";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { GATEWAY_LABELS } from "@/lib/payments/gateways";
import { countReviewQueue, listMethodsForStaff } from "@/lib/payments/staff-queries";

export const metadata: Metadata = { title: "Payment methods" };

export default async function PaymentMethodsPage({ searchParams }: { searchParams: Promise<{ edit?: string }> }) {
  const actor = await requireStaff();
  const db = await getDb();
  const [methods, reviewCount, { edit }] = await Promise.all([listMethodsForStaff(db, actor), countReviewQueue(db, actor), searchParams]);
  const editing = methods.find((m) => String(m.id) === edit);
  const isAdmin = actor.role === "admin";
  return (
    <>
      <PageHeader title="Payments" description="Methods customers pay with: limits, fee, keys (stored encrypted, shown masked) and bonus rules." />
      <PaymentsTabs active="methods" reviewCount={reviewCount} />
      <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
        <Card title="Methods">
          {methods.length ? (
            <ul className="divide-y divide-slate-100">
              {methods.map((m) => (
                <li key={m.id} className="py-3 text-sm" data-testid={`method-${m.name}`}>
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{m.name}</span>
                    <EnabledBadge enabled={m.enabled} />
                    <span className="text-slate-500">{GATEWAY_LABELS[m.gateway]}</span>
                    {isAdmin ? <Link href={`/admin/payments/methods?edit=${m.id}`} className="ml-auto text-indigo-700 hover:underline">Edit</Link> : null}
                  </div>
                  <div className="mt-1 text-slate-600">
                    {m.minAmount}–{m.maxAmount} {m.currency} · fee {m.feePercent} % · credit ×{m.exchangeRate}
                    {m.bonusRules.length ? ` · bonus ${m.bonusRules.map((r) => `+${r.percent} % from ${r.minAmount}`).join(", ")}` : ""}
                  </div>
                  {Object.keys(m.settingsHint).length ? (
                    <div className="mt-1 text-xs text-slate-500">Keys: {Object.entries(m.settingsHint).map(([k, h]) => `${k} ${h}`).join(" · ")}</div>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState>No payment methods yet.</EmptyState>
          )}
        </Card>
        {isAdmin ? (
          <div className="space-y-6">
            <Card title={editing ? `Edit ${editing.name}` : "New method"}>
              <MethodForm key={editing?.id ?? "new"} method={editing} />
              {editing ? <Link href="/admin/payments/methods" className="mt-3 inline-block text-sm text-slate-500 hover:underline">New method instead</Link> : null}
            </Card>
            {editing ? (
              <Card title="Bonus rules">
                <BonusRules key={editing.id} methodId={editing.id} currency={editing.currency} rules={editing.bonusRules} canEdit />
              </Card>
            ) : null}
          </div>
        ) : null}
      </div>
    </>
  );
}
