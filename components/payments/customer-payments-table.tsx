import Link from "next/link";
import { PaymentStateBadge } from "@/components/payments/payment-state-badge";
import { EmptyState } from "@/components/ui/card";
import { formatMoney } from "@/lib/money";
import type { CustomerPayment } from "@/lib/payments/customer-queries";

/** The customer's payments, newest first, each linking to its own page. */
export function CustomerPaymentsTable({ payments, panelCurrency }: { payments: CustomerPayment[]; panelCurrency: string }) {
  if (!payments.length) return <EmptyState>No payments yet.</EmptyState>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[32rem] text-left text-sm">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2">Date</th>
            <th>Method</th>
            <th className="text-right">Paid</th>
            <th className="text-right">Credited</th>
            <th className="pl-4">State</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {payments.map((p) => (
            <tr key={p.id} data-testid="payment-row">
              <td className="py-2 text-xs text-slate-500">
                <Link href={`/funds/payments/${p.id}`} className="text-indigo-700 hover:underline">
                  {p.createdAt.toISOString().slice(0, 16).replace("T", " ")}
                </Link>
              </td>
              <td>{p.method.name}</td>
              <td className="text-right tabular-nums">{formatMoney(p.payAmount, p.currency)}</td>
              <td className="text-right tabular-nums">{p.creditedAmount ? formatMoney(p.creditedAmount, panelCurrency) : "—"}</td>
              <td className="pl-4">
                <PaymentStateBadge state={p.state} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
