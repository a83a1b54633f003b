import type { Metadata } from "next";
import Link from "next/link";
import { formatWhen } from "@/components/admin/format";
import { PaymentStateBadge } from "@/components/payments/payment-state-badge";
import { PaymentsTabs } from "@/components/payments/payments-tabs";
import { ReviewPaymentForm } from "@/components/payments/review-payment-form";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DetailList } from "@/components/ui/detail-list";
import { requireStaff } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { formatMoney } from "@/lib/money";
import { duplicateReferences } from "@/lib/payments/duplicate-references";
import { outstandingChargeback } from "@/lib/payments/outstanding-chargeback";
import { listRejectedCallbacks, listReviewQueue } from "@/lib/payments/staff-queries";

export const metadata: Metadata = { title: "Payments to review — Reseller Panel" };

export default async function PaymentReviewPage() {
  const actor = await requireStaff();
  const db = await getDb();
  const [queue, rejected] = await Promise.all([listReviewQueue(db, actor), listRejectedCallbacks(db, actor)]);
  const twins = await duplicateReferences(db, queue.filter((p) => p.reference).map((p) => p.id));
  const isAdmin = actor.role === "admin";
  return (
    <>
      <PageHeader title="Payments" description={isAdmin ? "Manual transfers to approve, and gateway reports that were not credited automatically." : "Read-only: only an admin can decide."} />
      <PaymentsTabs active="review" reviewCount={queue.length} />
      {queue.length === 0 ? <EmptyState>Nothing to review.</EmptyState> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {queue.map((p) => {
          const owed = outstandingChargeback(p);
          const mode = p.state === "flagged" ? "flagged" : p.state === "waiting" ? "decide" : owed ? "chargeback" : "note";
          return (
            <Card key={p.id} title={<span className="flex flex-wrap items-center gap-2"><Link href={`/admin/payments/${p.id}`} className="text-indigo-700 hover:underline">Payment #{p.id}</Link><PaymentStateBadge state={p.state} /></span>}>
              <div data-testid={`review-${p.id}`}>
                <DetailList
                  className="mb-3"
                  items={[
                    { label: "Customer", value: p.user.email, valueClassName: "break-all" },
                    { label: "Method", value: p.method.name },
                    {
                      label: "Asked",
                      value: `${formatMoney(p.payAmount.toFixed(), p.currency)} → ${formatMoney(p.creditAmount.toFixed(), PANEL_CURRENCY)}${p.bonusAmount.gt(0) ? ` + bonus ${formatMoney(p.bonusAmount.toFixed())}` : ""}`,
                      valueClassName: "tabular-nums",
                    },
                    p.reference ? { label: "Reference", value: p.reference, valueClassName: "break-all" } : null,
                    p.reportedStatus ? { label: "Gateway said", value: `${p.reportedStatus}${p.reportedAmount ? ` · ${p.reportedAmount} ${p.reportedCurrency ?? ""}` : ""}` } : null,
                    { label: "Created", value: formatWhen(p.createdAt) },
                  ]}
                />
                {p.flag ? <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{p.flag}</p> : null}
                {twins.get(p.id) ? (
                  <p className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-900" data-testid={`duplicate-reference-${p.id}`}>
                    Same reference as payment{" "}
                    {twins.get(p.id)!.map((t, i) => (
                      <span key={t.id}>
                        {i ? ", " : ""}
                        <Link href={`/admin/payments/${t.id}`} className="font-medium underline">#{t.id}</Link> ({t.state === "waiting" ? "waiting" : "credited"})
                      </span>
                    ))}
                    : one transfer may be credited twice.
                  </p>
                ) : null}
                {isAdmin ? (
                  <ReviewPaymentForm paymentId={p.id} mode={mode} suggestedAmount={p.creditAmount.toFixed()} owed={owed ? formatMoney(owed.toFixed(), PANEL_CURRENCY) : undefined} duplicate={twins.has(p.id)} />
                ) : null}
              </div>
            </Card>
          );
        })}
      </div>
      <Card title="Callbacks refused or unmatched" className="mt-6">
        {rejected.length ? (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="rejected-callbacks">
            {rejected.map((e) => (
              <li key={e.id.toString()} className="flex flex-wrap gap-x-3 py-1.5">
                <span className="text-xs text-slate-500">{formatWhen(e.createdAt)}</span>
                <span className="font-medium">{e.gateway}</span>
                <span>{e.outcome.replace("_", " ")}</span>
                <span className="text-slate-600">{e.message}</span>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState>None.</EmptyState>
        )}
      </Card>
    </>
  );
}
