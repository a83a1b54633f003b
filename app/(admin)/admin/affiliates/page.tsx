import type { Metadata } from "next";
import Link from "next/link";
import { AffiliatePercentForm, AffiliateSettingsForm, DecideWithdrawalForm, ReviewReferralForm, VoidCommissionForm } from "@/components/affiliates/admin-forms";
import { CommissionStateBadge } from "@/components/affiliates/state-badges";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Money } from "@/components/ui/money";
import { Time } from "@/components/ui/time";
import { listCommissions, listHeldReferrals, listWaitingWithdrawals } from "@/lib/affiliates/queries";
import { getAffiliateSettings } from "@/lib/affiliates/settings";
import { requireStaff } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { formatMoney, toLedgerString } from "@/lib/money";
import { boundedPage } from "@/lib/payments/page-param";

export const metadata: Metadata = { title: "Affiliates" };

export default async function AdminAffiliatesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireStaff();
  const isAdmin = actor.role === "admin";
  const page = boundedPage((await searchParams).page);
  const db = await getDb();
  const [settings, commissions, withdrawals, held] = await Promise.all([
    getAffiliateSettings(db),
    listCommissions(db, actor, { page }),
    listWaitingWithdrawals(db, actor),
    listHeldReferrals(db, actor),
  ]);
  const customer = (id: number, email: string) => <Link href={`/admin/users/${id}`} className="break-all text-indigo-600 hover:underline">{email}</Link>;
  return (
    <>
      <PageHeader title="Affiliates" description="Commission on referred customers' deposits: settings, withdrawals to pay, referrals held as possible self-referrals, and every commission." />
      <Card title="Settings" className="mb-6">
        {isAdmin ? (
          <div className="space-y-6">
            <AffiliateSettingsForm percent={settings.percent.toFixed()} minWithdrawal={toLedgerString(settings.minWithdrawal)} />
            <div>
              <h3 className="mb-2 text-sm font-semibold text-slate-800">One affiliate&apos;s percent</h3>
              <AffiliatePercentForm />
            </div>
          </div>
        ) : (
          <p className="text-sm text-slate-700">
            {settings.percent.toFixed()} % of each deposit; withdrawals from {formatMoney(settings.minWithdrawal, PANEL_CURRENCY)}. Only an admin can change them.
          </p>
        )}
      </Card>
      <Card title="Withdrawals waiting" className="mb-6">
        <DataTable
          label="Withdrawals waiting"
          rows={withdrawals}
          rowTestId={() => "withdrawal-row"}
          empty="No withdrawal waits."
          columns={(column) => [
            column({ header: "Asked", className: "text-xs text-slate-500", cell: (w) => <Time value={w.createdAt} relative /> }),
            column({ header: "Affiliate", card: "title", cell: (w) => customer(w.affiliateId, w.affiliateEmail) }),
            column({ header: "Amount", card: "primary", align: "right", className: "tabular-nums", cell: (w) => <Money amount={w.amount} currency={PANEL_CURRENCY} /> }),
            column({ header: "Send to", cell: (w) => <span className="break-all">{w.details}</span> }),
            ...(isAdmin ? [column({ header: "Decision", card: "action", cell: (w) => <DecideWithdrawalForm payoutId={w.id} /> })] : []),
          ]}
        />
      </Card>
      <Card title="Referrals held for review" className="mb-6">
        <DataTable
          label="Referrals held for review"
          rows={held}
          rowTestId={() => "held-referral-row"}
          empty="No referral is held."
          columns={(column) => [
            column({ header: "Signed up", className: "text-xs text-slate-500", cell: (r) => <Time value={r.createdAt} relative /> }),
            column({ header: "Referred", card: "title", cell: (r) => customer(r.referredId, r.referredEmail) }),
            column({ header: "Affiliate", cell: (r) => customer(r.affiliateId, r.affiliateEmail) }),
            column({ header: "Why held", cell: (r) => r.holdReason }),
            ...(isAdmin ? [column({ header: "Decision", card: "action", cell: (r) => <ReviewReferralForm referralId={r.id} /> })] : []),
          ]}
        />
      </Card>
      <Card title="Commissions">
        <DataTable
          label="Commissions"
          rows={commissions.rows}
          rowTestId={() => "staff-commission-row"}
          alignTop
          empty="No commission yet."
          columns={(column) => [
            column({ header: "Date", className: "text-xs text-slate-500", cell: (c) => <Time value={c.createdAt} relative /> }),
            column({ header: "Affiliate", card: "title", cell: (c) => customer(c.affiliateId, c.affiliateEmail) }),
            column({ header: "Referred", cell: (c) => <span className="break-all">{c.referredEmail}</span> }),
            column({ header: "Payment", cell: (c) => <Link href={`/admin/payments/${c.paymentId}`} className="text-indigo-600 hover:underline">#{c.paymentId}</Link> }),
            column({ header: "Deposit", align: "right", className: "tabular-nums", cell: (c) => <Money amount={c.deposit} currency={PANEL_CURRENCY} /> }),
            column({ header: "Commission", card: "primary", align: "right", className: "tabular-nums", cell: (c) => <><Money amount={c.amount} currency={PANEL_CURRENCY} /> <span className="text-xs text-slate-500">({c.percent} %)</span></> }),
            column({ header: "Taken back", align: "right", className: "tabular-nums", cell: (c) => (c.takenBack === "0.000000" ? "—" : <Money amount={c.takenBack} currency={PANEL_CURRENCY} />) }),
            column({ header: "State", card: "primary", cell: (c) => <CommissionStateBadge state={c.state} reason={c.voidReason} /> }),
            ...(isAdmin ? [column({ header: "Void", card: "action", cell: (c) => (c.state === "voided" ? <span className="text-xs text-slate-600">{c.voidReason}</span> : <VoidCommissionForm commissionId={c.id} amountText={formatMoney(c.amount, PANEL_CURRENCY)} />) })] : []),
          ]}
        />
        {commissions.hasMore ? <Link href={`/admin/affiliates?page=${page + 1}`} className="mt-4 inline-block text-sm text-indigo-600">Older →</Link> : null}
      </Card>
    </>
  );
}
