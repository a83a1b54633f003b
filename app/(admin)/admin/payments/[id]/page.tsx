import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatWhen } from "@/components/admin/format";
import { PaymentStateBadge } from "@/components/payments/payment-state-badge";
import { Card, PageHeader } from "@/components/ui/card";
import { DetailList } from "@/components/ui/detail-list";
import { requireStaff } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { formatMoney } from "@/lib/money";
import { ReviewPaymentForm } from "@/components/payments/review-payment-form";
import { outstandingChargeback } from "@/lib/payments/outstanding-chargeback";
import { getPaymentForStaff } from "@/lib/payments/staff-queries";

export const metadata: Metadata = { title: "Payment — Reseller Panel" };

export default async function StaffPaymentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0 || id >= 2 ** 31) notFound();
  const p = await getPaymentForStaff(await getDb(), actor, id);
  if (!p) notFound();
  const owed = outstandingChargeback(p);
  const owedText = owed ? formatMoney(owed.toFixed(), PANEL_CURRENCY) : null;
  const rows: [string, string][] = [
    ["Customer", p.user.email],
    ["Method", `${p.method.name} (${p.gateway})`],
    ["Amount / fee / to pay", `${p.amount.toFixed()} / ${p.fee.toFixed()} / ${formatMoney(p.payAmount.toFixed(), p.currency)}`],
    ["To credit", `${formatMoney(p.creditAmount.toFixed(), PANEL_CURRENCY)}${p.bonusAmount.gt(0) ? ` + bonus ${p.bonusAmount.toFixed()} (${p.bonusPercent.toFixed()} %)` : ""}`],
    ["Credited", p.creditedAmount ? `${p.creditedAmount.toFixed()} + bonus ${p.creditedBonus?.toFixed() ?? "0"}` : "—"],
    ["Charged back", p.chargebackAmount?.toFixed() ?? "—"],
    ["Gateway id", p.externalId ?? "—"],
    ["Gateway said", p.reportedStatus ? `${p.reportedStatus}${p.reportedAmount ? ` · ${p.reportedAmount} ${p.reportedCurrency ?? ""}` : ""}` : "—"],
    ["Reference", p.reference ?? "—"],
    ["Reviewed", p.reviewedAt ? `${formatWhen(p.reviewedAt)} by ${p.reviewedBy?.email ?? "?"}: ${p.reviewReason ?? ""}` : "—"],
    ["Created / paid", `${formatWhen(p.createdAt)} / ${formatWhen(p.paidAt)}`],
  ];
  return (
    <>
      <PageHeader title={`Payment #${p.id}`} description={<Link href="/admin/payments" className="text-indigo-600 hover:underline">← Payments log</Link>} actions={<PaymentStateBadge state={p.state} />} />
      {p.flag ? <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{p.flag}{p.reviewedAt ? " (reviewed)" : ""}</p> : null}
      {owedText && actor.role === "admin" ? (
        <Card title={`Chargeback not taken back: ${owedText}`} className="mb-6">
          <ReviewPaymentForm paymentId={p.id} mode="chargeback" suggestedAmount="" owed={owedText} reviewed={p.reviewedAt !== null} />
        </Card>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Details">
          <DetailList items={rows.map(([label, value]) => ({ label, value }))} />
          <h3 className="mt-4 text-sm font-semibold">Ledger</h3>
          <ul className="text-sm">
            {p.ledgerEntries.length ? p.ledgerEntries.map((e) => <li key={e.id.toString()}>{e.kind} {e.amount.toFixed()} · {formatWhen(e.createdAt)}</li>) : <li className="text-slate-500">Nothing credited.</li>}
          </ul>
        </Card>
        <Card title="Callbacks and decisions">
          <ol className="space-y-2 text-sm" data-testid="payment-events">
            {p.events.map((e) => (
              <li key={e.id.toString()} className="rounded-md border border-slate-100 p-2">
                <div className="flex flex-wrap gap-x-2 text-xs text-slate-500"><span>{formatWhen(e.createdAt)}</span><span className="font-medium text-slate-700">{e.type}</span><span>{e.outcome}</span></div>
                {e.message ? <div className="break-words">{e.message}</div> : null}
                {e.payload ? (
                  <details className="mt-1"><summary className="cursor-pointer text-xs text-slate-500">What the gateway sent</summary><pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-all text-xs">{JSON.stringify(e.payload, null, 2)}</pre></details>
                ) : null}
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </>
  );
}
