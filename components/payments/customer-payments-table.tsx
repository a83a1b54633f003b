// The customer's payments, newest first, each linking to its own page.
import Link from "next/link";
import { PaymentStateBadge } from "@/components/payments/payment-state-badge";
import { DataTable } from "@/components/ui/data-table";
import { formatMoney } from "@/lib/money";
import type { CustomerPayment } from "@/lib/payments/customer-queries";
import { formatDateTime } from "@/lib/time/format";

export function CustomerPaymentsTable({ payments, panelCurrency }: { payments: CustomerPayment[]; panelCurrency: string }) {
  return (
    <DataTable
      label="Payments"
      layout="plain"
      minWidth="min-w-[32rem]"
      rows={payments}
      rowTestId={() => "payment-row"}
      empty="No payments yet."
      columns={[
        { header: "Date", className: "text-xs text-slate-500", cell: (p) => <Link href={`/funds/payments/${p.id}`} className="text-indigo-700 hover:underline">{formatDateTime(p.createdAt)}</Link> },
        { header: "Method", cell: (p) => p.method.name },
        { header: "Paid", align: "right", className: "tabular-nums", cell: (p) => formatMoney(p.payAmount, p.currency) },
        { header: "Credited", align: "right", className: "tabular-nums", cell: (p) => (p.creditedAmount ? formatMoney(p.creditedAmount, panelCurrency) : "—") },
        { header: "State", className: "pl-4", headerClassName: "pl-4", cell: (p) => (
          <>
            <PaymentStateBadge state={p.state} />
            {p.rejectionReason ? <span className="block max-w-56 break-words text-xs text-slate-600">{p.rejectionReason}</span> : null}
          </>
        ) },
      ]}
    />
  );
}
