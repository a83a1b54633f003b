// The staff payments log: who paid what through which method, what was credited (bonus included)
// or reversed, and whether it waits for a review; on a phone, cards with the state and amounts first.
import Link from "next/link";
import { PaymentStateBadge } from "@/components/payments/payment-state-badge";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { Money } from "@/components/ui/money";
import { Time } from "@/components/ui/time";
import type { StaffPayment } from "@/lib/payments/staff-queries";

export function StaffPaymentsTable({ payments, panelCurrency }: { payments: StaffPayment[]; panelCurrency: string }) {
  return (
    <DataTable
      label="Payments"
      layout="plain"
      minWidth="min-w-[48rem]"
      rows={payments}
      rowTestId={(p) => `staff-payment-${p.id}`}
      empty="No payments match."
      columns={(column) => [
        column({ header: "#", card: "title", cell: (p) => <Link href={`/admin/payments/${p.id}`} className="text-indigo-700 hover:underline">#{p.id}</Link> }),
        column({ header: "Created", className: "whitespace-nowrap text-xs text-slate-500", cell: (p) => <Time value={p.createdAt} relative /> }),
        column({ header: "Customer", card: "title", cell: (p) => <Link href={`/admin/users/${p.user.id}`} className="hover:underline">{p.user.email}</Link> }),
        column({ header: "Method", cell: (p) => p.method.name }),
        column({ header: "Asked", card: "primary", align: "right", className: "tabular-nums", cell: (p) => <Money amount={p.payAmount} currency={p.currency} /> }),
        column({
          header: "Credited",
          card: "primary",
          align: "right",
          className: "tabular-nums",
          cell: (p) => (
            <>
              {p.creditedAmount ? <Money amount={p.creditedAmount.plus(p.creditedBonus ?? 0)} currency={panelCurrency} /> : "—"}
              {p.chargebackAmount ? <div className="text-xs text-red-700">−<Money amount={p.chargebackAmount} currency={panelCurrency} /></div> : null}
            </>
          ),
        }),
        column({
          header: "State",
          card: "primary",
          className: "pl-4",
          headerClassName: "pl-4",
          cell: (p) => (
            <span className="flex flex-wrap gap-1">
              <PaymentStateBadge state={p.state} />
              {p.flag && !p.reviewedAt ? <Badge tone="amber" title={p.flag}>needs review</Badge> : null}
            </span>
          ),
        }),
      ]}
    />
  );
}
