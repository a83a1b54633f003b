import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { requireUser } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { Money } from "@/components/ui/money";
import { Time } from "@/components/ui/time";
import { ledgerKindLabel } from "@/lib/ledger/labels";
import { listLedgerEntries } from "@/lib/panel/ledger-history";
import { CustomerPaymentsTable } from "@/components/payments/customer-payments-table";
import { listCustomerPayments } from "@/lib/payments/customer-queries";
import { boundedPage } from "@/lib/payments/page-param";

export const metadata: Metadata = { title: "Funds — Reseller Panel" };


export default async function FundsPage({ searchParams }: { searchParams: Promise<{ page?: string; payments?: string }> }) {
  const user = await requireUser();
  const params = await searchParams;
  const page = boundedPage(params.page);
  const paymentsPage = boundedPage(params.payments);
  const db = await getDb();
  const [account, history, payments] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { balance: true } }),
    listLedgerEntries(db, user.id, { page }),
    listCustomerPayments(db, user.id, paymentsPage),
  ]);
  return (
    <>
      <PageHeader
        title="Funds"
        description="Your payments and every change of your balance."
        actions={<Link href="/funds/add" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500">Add funds</Link>}
      />
      <div className="mb-6 max-w-xs">
        <Stat label="Balance" value={<Money amount={account.balance.toString()} currency={PANEL_CURRENCY} style="cents" />} />
      </div>
      <Card title="Payments" className="mb-6">
        <CustomerPaymentsTable payments={payments.payments} panelCurrency={PANEL_CURRENCY} />
        {payments.total > payments.pageSize * paymentsPage ? (
          <Link href={`/funds?payments=${paymentsPage + 1}`} className="mt-4 inline-block text-sm text-indigo-600">Older payments →</Link>
        ) : null}
      </Card>
      <Card title="History">
        <DataTable
          label="Balance history"
          layout="plain"
          minWidth="min-w-[36rem]"
          rows={history.entries}
          rowTestId={() => "ledger-row"}
          empty="No movements yet."
          columns={(column) => [
            column({ header: "Date", className: "text-xs text-slate-500", cell: (e) => <Time value={e.createdAt} relative /> }),
            column({
              header: "What",
              card: "title",
              cell: (e) => (
                <>
                  {ledgerKindLabel(e.kind)}
                  {e.reason ? <span className="ml-2 text-xs text-slate-600">{e.reason}</span> : null}
                </>
              ),
            }),
            column({ header: "Order", cell: (e) => (e.orderId ? <Link href={`/orders/${e.orderId}`} className="text-indigo-600 hover:underline">#{e.orderId}</Link> : "—") }),
            column({ header: "Amount", card: "primary", align: "right", className: (e) => `tabular-nums ${e.amount.startsWith("-") ? "text-red-700" : "text-green-700"}`, testId: "ledger-amount", cell: (e) => <Money amount={e.amount} currency={PANEL_CURRENCY} signed /> }),
            column({ header: "Balance after", card: "primary", align: "right", className: "tabular-nums", cell: (e) => <Money amount={e.balanceAfter} currency={PANEL_CURRENCY} style="cents" /> }),
          ]}
        />
        {history.total > history.pageSize * page ? (
          <Link href={`/funds?page=${page + 1}`} className="mt-4 inline-block text-sm text-indigo-600">Older →</Link>
        ) : null}
      </Card>
    </>
  );
}
