import type { Metadata } from "next";
import { AuditTable } from "@/components/admin/audit-table";
import { FilterBar, FilterInput, FilterSelect } from "@/components/admin/filter-bar";
import { Pagination } from "@/components/admin/pagination";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { AUDIT_ENTITY_TYPES, listAuditLog, type AuditFilters } from "@/lib/audit/list-audit";
import { requireStaff } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Audit log" };

type Params = { [K in keyof AuditFilters]?: string };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requireStaff();
  const params = await searchParams;
  const result = await listAuditLog(await getDb(), actor, params);
  const f = result.filters;
  const kept = { actor: f.actor, action: f.action, entityType: f.entityType, entityId: f.entityId, from: f.from, to: f.to };
  return (
    <>
      <PageHeader title="Audit log" description="Every staff and admin change: who, when (in your time zone; the filter days are UTC), what, before and after. Rows are never changed or removed." />
      <Card>
        <FilterBar resetHref="/admin/audit">
          <FilterInput label="Who" name="actor" value={f.actor} placeholder="email or account id" width="w-48" />
          <FilterInput label="Action" name="action" value={f.action} placeholder="e.g. funds. or user.suspend" width="w-48" />
          <FilterSelect label="Entity" name="entityType" value={f.entityType} options={AUDIT_ENTITY_TYPES.map((t) => ({ value: t, label: t.replace(/_/g, " ") }))} />
          <FilterInput label="Entity id" name="entityId" value={f.entityId} width="w-28" />
          <FilterInput label="From (UTC)" name="from" type="date" value={f.from} width="w-40" />
          <FilterInput label="To (UTC)" name="to" type="date" value={f.to} width="w-40" />
        </FilterBar>
        {result.rows.length === 0 ? <EmptyState>No change matches these filters.</EmptyState> : <AuditTable rows={result.rows} />}
        <Pagination path="/admin/audit" params={kept} page={result.page} pageSize={result.pageSize} total={result.total} />
      </Card>
    </>
  );
}
