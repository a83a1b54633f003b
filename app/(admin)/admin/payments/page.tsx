import type { Metadata } from "next";
import { FilterBar, FilterInput, FilterSelect } from "@/components/admin/filter-bar";
import { Pagination } from "@/components/admin/pagination";
import { PaymentsTabs } from "@/components/payments/payments-tabs";
import { StaffPaymentsTable } from "@/components/payments/staff-payments-table";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { requireStaff } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { Money } from "@/components/ui/money";
import { PAYMENT_STATE_LABELS } from "@/lib/payments/labels";
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
          <FilterSelect label="State" name="state" value={filters.state} options={PAYMENT_STATES.map((s) => ({ value: s, label: PAYMENT_STATE_LABELS[s] }))} />
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
        <DataTable
          label="Credited per day and method"
          layout="plain"
          minWidth="min-w-[28rem]"
          testId="payment-totals"
          rows={totals}
          rowKey={(t) => `${t.day}-${t.method}`}
          empty="Nothing credited in this selection."
          columns={(column) => [
            column({ header: "Day (UTC)", card: "title", cell: (t) => t.day }),
            column({ header: "Method", cell: (t) => t.method }),
            column({ header: "Payments", align: "right", className: "tabular-nums", cell: (t) => t.count }),
            column({ header: "Deposits", card: "primary", align: "right", className: "tabular-nums", cell: (t) => <Money amount={t.deposits} currency={PANEL_CURRENCY} /> }),
            column({ header: "Bonuses", card: "primary", align: "right", className: "tabular-nums", cell: (t) => <Money amount={t.bonuses} currency={PANEL_CURRENCY} /> }),
          ]}
        />
      </Card>
    </>
  );
}
