// The staff payments log: who paid what through which method, what was credited (bonus included)
// or reversed, and whether it waits for a review.
import Link from "next/link";
import { formatWhen } from "@/components/admin/format";
import { PaymentStateBadge } from "@/components/payments/payment-state-badge";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { formatMoney } from "@/lib/money";
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
      columns={[
        { header: "#", cell: (p) => <Link href={`/admin/payments/${p.id}`} className="text-indigo-700 hover:underline">#{p.id}</Link> },
        { header: "Created", className: "whitespace-nowrap text-xs text-slate-500", cell: (p) => formatWhen(p.createdAt) },
        { header: "Customer", cell: (p) => <Link href={`/admin/users/${p.user.id}`} className="hover:underline">{p.user.email}</Link> },
        { header: "Method", cell: (p) => p.method.name },
        { header: "Asked", align: "right", className: "tabular-nums", cell: (p) => formatMoney(p.payAmount.toFixed(), p.currency) },
        {
          header: "Credited",
          align: "right",
          className: "tabular-nums",
          cell: (p) => (
            <>
              {p.creditedAmount ? formatMoney(p.creditedAmount.plus(p.creditedBonus ?? 0).toFixed(), panelCurrency) : "—"}
              {p.chargebackAmount ? <div className="text-xs text-red-700">−{formatMoney(p.chargebackAmount.toFixed())}</div> : null}
            </>
          ),
        },
        {
          header: "State",
          className: "pl-4",
          headerClassName: "pl-4",
          cell: (p) => (
            <span className="flex flex-wrap gap-1">
              <PaymentStateBadge state={p.state} />
              {p.flag && !p.reviewedAt ? <Badge tone="amber" title={p.flag}>needs review</Badge> : null}
            </span>
          ),
        },
      ]}
    />
  );
}
