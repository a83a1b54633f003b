import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LivePaymentStatus } from "@/components/payments/live-payment-status";
import { Card, PageHeader } from "@/components/ui/card";
import { DetailList } from "@/components/ui/detail-list";
import { requireUser } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { formatMoney } from "@/lib/money";
import { getCustomerPayment } from "@/lib/payments/customer-queries";
import { formatDateTime } from "@/lib/time/format";

export const metadata: Metadata = { title: "Payment — Reseller Panel" };

export default async function PaymentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ canceled?: string }> }) {
  const user = await requireUser();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0 || id >= 2 ** 31) notFound();
  const db = await getDb();
  const payment = await getCustomerPayment(db, user.id, id);
  if (!payment) notFound();
  const balance = payment.state === "paid" ? (await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { balance: true } })).balance.toFixed(6) : null;
  const canceled = (await searchParams).canceled === "1" && payment.state === "waiting";
  return (
    <>
      <PageHeader title={`Payment #${payment.id}`} description={<Link href="/funds" className="text-indigo-600 hover:underline">← Back to funds</Link>} />
      <div className="grid max-w-3xl gap-6 md:grid-cols-2">
        <Card title="Status">
          {canceled ? <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">You left the payment page before paying. You can still pay below until it expires.</p> : null}
          <LivePaymentStatus initial={{ id: payment.id, state: payment.state, balance }} currency={PANEL_CURRENCY} />
          {payment.state === "waiting" && payment.redirectUrl ? (
            <a href={payment.redirectUrl} className="mt-4 inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500">Continue to payment</a>
          ) : null}
          {payment.rejectionReason ? (
            <p className="mt-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="rejection-reason">
              Rejected by an admin: {payment.rejectionReason}
            </p>
          ) : null}
          {payment.gateway === "manual" && payment.state === "waiting" && payment.method.instructions ? (
            <div className="mt-4 whitespace-pre-line rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="manual-instructions">
              {payment.method.instructions}
            </div>
          ) : null}
        </Card>
        <Card title="Details">
          <DetailList
            columns="grid-cols-2"
            valueClassName="text-right tabular-nums"
            items={[
              { label: "Method", value: payment.method.name },
              { label: "Amount", value: formatMoney(payment.amount, payment.currency) },
              payment.fee !== "0" ? { label: "Fee", value: formatMoney(payment.fee, payment.currency) } : null,
              { label: "To pay", value: formatMoney(payment.payAmount, payment.currency), testId: "pay-amount" },
              { label: "To credit", value: formatMoney(payment.creditAmount, PANEL_CURRENCY) },
              payment.bonusAmount !== "0" ? { label: "Bonus", value: formatMoney(payment.bonusAmount, PANEL_CURRENCY) } : null,
              payment.creditedAmount ? { label: "Credited", value: formatMoney(payment.creditedAmount, PANEL_CURRENCY), testId: "credited" } : null,
              payment.reference ? { label: "Your reference", value: payment.reference } : null,
              { label: "Created", value: formatDateTime(payment.createdAt) },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
