import Link from "next/link";
import { Badge } from "@/components/admin/badges";
import { formatWhen } from "@/components/admin/format";
import { PaymentStateBadge } from "@/components/payments/payment-state-badge";
import { EmptyState } from "@/components/ui/card";
import { formatMoney } from "@/lib/money";
import type { StaffPayment } from "@/lib/payments/staff-queries";

export function StaffPaymentsTable({ payments, panelCurrency }: { payments: StaffPayment[]; panelCurrency: string }) {
  if (!payments.length) return <EmptyState>No payments match.</EmptyState>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[48rem] text-left text-sm">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2">#</th>
            <th>Created</th>
            <th>Customer</th>
            <th>Method</th>
            <th className="text-right">Asked</th>
            <th className="text-right">Credited</th>
            <th className="pl-4">State</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {payments.map((p) => (
            <tr key={p.id} data-testid={`staff-payment-${p.id}`}>
              <td className="py-2">
                <Link href={`/admin/payments/${p.id}`} className="text-indigo-700 hover:underline">#{p.id}</Link>
              </td>
              <td className="whitespace-nowrap text-xs text-slate-500">{formatWhen(p.createdAt)}</td>
              <td><Link href={`/admin/users/${p.user.id}`} className="hover:underline">{p.user.email}</Link></td>
              <td>{p.method.name}</td>
              <td className="text-right tabular-nums">{formatMoney(p.payAmount.toFixed(), p.currency)}</td>
              <td className="text-right tabular-nums">
                {p.creditedAmount ? formatMoney(p.creditedAmount.plus(p.creditedBonus ?? 0).toFixed(), panelCurrency) : "—"}
                {p.chargebackAmount ? <div className="text-xs text-red-700">−{formatMoney(p.chargebackAmount.toFixed())}</div> : null}
              </td>
              <td className="pl-4">
                <span className="flex flex-wrap gap-1">
                  <PaymentStateBadge state={p.state} />
                  {p.flag && !p.reviewedAt ? <Badge tone="amber" title={p.flag}>needs review</Badge> : null}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
