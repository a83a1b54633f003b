// The customer's payments, newest first, each linking to its own page; on a phone, cards with the
// state and the amounts first.
import Link from "next/link";
import { PaymentStateBadge } from "@/components/payments/payment-state-badge";
import { DataTable } from "@/components/ui/data-table";
import { Money } from "@/components/ui/money";
import type { CustomerPayment } from "@/lib/payments/customer-queries";
import { Time } from "@/components/ui/time";

export function CustomerPaymentsTable({ payments, panelCurrency }: { payments: CustomerPayment[]; panelCurrency: string }) {
  return (
    <DataTable
      label="Payments"
      layout="plain"
      minWidth="min-w-[32rem]"
      rows={payments}
      rowTestId={() => "payment-row"}
      empty="No payments yet."
      columns={(column) => [
        column({ header: "Date", card: "title", className: "text-xs text-slate-500", cell: (p) => <Link href={`/funds/payments/${p.id}`} className="text-indigo-700 hover:underline"><Time value={p.createdAt} relative /></Link> }),
        column({ header: "Method", cell: (p) => p.method.name }),
        column({ header: "Paid", card: "primary", align: "right", className: "tabular-nums", cell: (p) => <Money amount={p.payAmount} currency={p.currency} /> }),
        column({ header: "Credited", card: "primary", align: "right", className: "tabular-nums", cell: (p) => (p.creditedAmount ? <Money amount={p.creditedAmount} currency={panelCurrency} /> : "—") }),
        column({ header: "State", card: "primary", className: "pl-4", headerClassName: "pl-4", cell: (p) => (
          <>
            <PaymentStateBadge state={p.state} />
            {p.rejectionReason ? <span className="block max-w-56 break-words text-xs text-slate-600">{p.rejectionReason}</span> : null}
          </>
        ) }),
      ]}
    />
  );
}
