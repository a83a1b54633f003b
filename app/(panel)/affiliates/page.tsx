import type { Metadata } from "next";
import { PayoutToBalanceForm, WithdrawalForm } from "@/components/affiliates/payout-forms";
import { ReferralLink } from "@/components/affiliates/referral-link";
import { CommissionStateBadge, PayoutStateBadge } from "@/components/affiliates/state-badges";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Money } from "@/components/ui/money";
import { Time } from "@/components/ui/time";
import { affiliateSummary } from "@/lib/affiliates/queries";
import { requireUser } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { panelLink } from "@/lib/mail";
import { formatMoney } from "@/lib/money";
import { plural } from "@/lib/util/plural";

export const metadata: Metadata = { title: "Affiliates" };

export default async function AffiliatesPage() {
  const user = await requireUser();
  const s = await affiliateSummary(await getDb(), user.id);
  const money = (amount: string) => <Money amount={amount} currency={PANEL_CURRENCY} style="cents" />;
  const available = s.available !== "0.000000";
  return (
    <>
      <PageHeader
        title="Affiliates"
        description={`Share your link: you earn ${s.percent} % of every deposit of the customers who sign up through it (within ${plural(config().AFFILIATE_COOKIE_DAYS, "day")} of their visit).`}
      />
      <Card title="Your link" className="mb-6">
        <ReferralLink url={panelLink(`/r/${s.code}`)} />
      </Card>
      <div className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label="Visits" value={s.visits.toLocaleString("en-US")} />
        <Stat label="Sign-ups" value={s.signUps.toLocaleString("en-US")} />
        <Stat label="Paying referrals" value={s.payingReferrals.toLocaleString("en-US")} />
        <Stat label="Commission earned" value={money(s.earned)} hint={s.onReview !== "0.000000" ? <>{formatMoney(s.onReview, PANEL_CURRENCY)} more waits for review</> : undefined} />
        <Stat label="Available" value={money(s.available)} hint={s.owed !== "0.000000" ? `Owes ${formatMoney(s.owed, PANEL_CURRENCY)} from chargebacks: later commission makes it up first.` : undefined} />
        <Stat label="Pending withdrawals" value={money(s.pendingWithdrawals)} />
        <Stat label="Paid out" value={money(s.paidOut)} />
      </div>
      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <Card title="Move to your balance">
          <PayoutToBalanceForm available={available} availableText={formatMoney(s.available, PANEL_CURRENCY)} />
        </Card>
        <Card title="Withdraw">
          <WithdrawalForm minimumText={formatMoney(s.minWithdrawal, PANEL_CURRENCY)} />
        </Card>
      </div>
      <Card title="Commissions" className="mb-6">
        <DataTable
          label="Commissions"
          rows={s.commissions}
          rowTestId={() => "commission-row"}
          empty="No commission yet: it appears here when a customer you referred adds funds."
          columns={(column) => [
            column({ header: "Date", className: "text-xs text-slate-500", cell: (c) => <Time value={c.createdAt} relative /> }),
            column({ header: "Deposit", card: "title", align: "right", className: "tabular-nums", cell: (c) => <Money amount={c.deposit} currency={PANEL_CURRENCY} /> }),
            column({ header: "Percent", align: "right", className: "tabular-nums", cell: (c) => `${c.percent} %` }),
            column({ header: "Commission", card: "primary", align: "right", className: "tabular-nums", testId: "commission-amount", cell: (c) => <Money amount={c.amount} currency={PANEL_CURRENCY} /> }),
            column({ header: "Taken back", align: "right", className: "tabular-nums", cell: (c) => (c.takenBack === "0.000000" ? "—" : <Money amount={c.takenBack} currency={PANEL_CURRENCY} />) }),
            column({ header: "State", card: "primary", cell: (c) => <CommissionStateBadge state={c.state} /> }),
          ]}
        />
      </Card>
      <Card title="Payouts">
        <DataTable
          label="Payouts"
          rows={s.payouts}
          empty="No payouts yet."
          columns={(column) => [
            column({ header: "Date", className: "text-xs text-slate-500", cell: (p) => <Time value={p.createdAt} relative /> }),
            column({ header: "Kind", card: "title", cell: (p) => (p.kind === "balance" ? "Into the balance" : "Withdrawal") }),
            column({ header: "Amount", card: "primary", align: "right", className: "tabular-nums", cell: (p) => <Money amount={p.amount} currency={PANEL_CURRENCY} /> }),
            column({ header: "State", card: "primary", cell: (p) => <PayoutStateBadge state={p.state} reason={p.decisionReason} /> }),
          ]}
        />
      </Card>
    </>
  );
}
