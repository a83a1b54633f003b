import type { Metadata } from "next";
import { FilterBar, FilterInput, FilterSelect } from "@/components/admin/filter-bar";
import { Pagination } from "@/components/admin/pagination";
import { PaymentsTabs } from "@/components/payments/payments-tabs";
import { StaffPaymentsTable } from "@/components/payments/staff-payments-table";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireStaff } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { formatMoney } from "@/lib/money";
import { countReviewQueue, listMethodsForStaff, listPaymentsForStaff, PAYMENT_STATES, paymentTotals, type PaymentFilters } from "@/lib/payments/staff-queries";

export const metadata: Metadata = { title: "Payments — Reseller Panel" };

export default async function PaymentsLogPage({ searchParams }: { searchParams: Promise<PaymentFilters> }) {
  const actor = await requireStaff();
  const filters = await searchParams;
  const db = await getDb();
  const [log, totals, methods, reviewCount] = await Promise.all([
    listPaymentsForStaff(db, actor, filters),
    paymentTotals(db, actor, filters),
    listMethodsForStaff(db, actor),
    countReviewQueue(db, actor),
  ]);
  const { page: _page, ...kept } = filters;
  void _page;
  return (
    <>
      <PageHeader title="Payments" description="Every payment customers started, with what the gateways said." />
      <PaymentsTabs active="log" reviewCount={reviewCount} />
      <Card className="mb-6">
        <FilterBar resetHref="/admin/payments">
          <FilterSelect label="State" name="state" value={filters.state} options={PAYMENT_STATES.map((s) => ({ value: s, label: s.replace("_", " ") }))} />
          <FilterSelect label="Method" name="methodId" value={filters.methodId} options={methods.map((m) => ({ value: String(m.id), label: m.name }))} />
          <FilterInput label="Customer (email or id)" name="customer" value={filters.customer} placeholder="part of an email" />
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
            From
            <input type="date" name="from" defaultValue={filters.from} className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm" />
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
            To
            <input type="date" name="to" defaultValue={filters.to} className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm" />
          </label>
        </FilterBar>
        <StaffPaymentsTable payments={log.payments} panelCurrency={PANEL_CURRENCY} />
        <Pagination path="/admin/payments" params={kept} page={log.page} pageSize={log.pageSize} total={log.total} />
      </Card>
      <Card title="Credited per day and method">
        {totals.length ? (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[28rem] text-left text-sm" data-testid="payment-totals">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-2">Day (UTC)</th>
                  <th>Method</th>
                  <th className="text-right">Payments</th>
                  <th className="text-right">Deposits</th>
                  <th className="text-right">Bonuses</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {totals.map((t) => (
                  <tr key={`${t.day}-${t.method}`}>
                    <td className="py-2">{t.day}</td>
                    <td>{t.method}</td>
                    <td className="text-right tabular-nums">{t.count}</td>
                    <td className="text-right tabular-nums">{formatMoney(t.deposits, PANEL_CURRENCY)}</td>
                    <td className="text-right tabular-nums">{formatMoney(t.bonuses, PANEL_CURRENCY)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState>Nothing credited in this selection.</EmptyState>
        )}
      </Card>
    </>
  );
}
