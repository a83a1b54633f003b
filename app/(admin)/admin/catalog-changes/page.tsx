import type { Metadata } from "next";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { FilterBar, FilterSelect } from "@/components/admin/filter-bar";
import { formatDateTime } from "@/lib/time/format";
import { Pagination } from "@/components/admin/pagination";
import { SyncPanel } from "@/components/pricing/sync-panel";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { listProviderNames } from "@/lib/providers/staff-providers";
import { requireStaff } from "@/lib/auth/session";
import { listCatalogChanges, providerSyncOverview } from "@/lib/catalog/change-log";
import { summaryLines } from "@/lib/catalog/sync-summary-text";
import { getDb } from "@/lib/db/client";
import { formatMoney } from "@/lib/money";
import { Time } from "@/components/ui/time";
import { PANEL_CURRENCY } from "@/lib/currency";

export const metadata: Metadata = { title: "Catalog changes" };

const KIND_LABELS: Record<string, { label: string; tone: BadgeTone }> = {
  added: { label: "new", tone: "green" }, removed: { label: "removed", tone: "red" }, relisted: { label: "back", tone: "indigo" },
  price_up: { label: "price up", tone: "amber" }, price_down: { label: "price down", tone: "green" },
  limits_changed: { label: "min/max", tone: "slate" }, renamed: { label: "renamed", tone: "slate" }, invalid: { label: "unsellable", tone: "red" },
};

type Params = { page?: string; kind?: string; providerId?: string; itemKind?: string };

export default async function CatalogChangesPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requireStaff();
  const params = await searchParams;
  const db = await getDb();
  const [changes, runs, providers] = await Promise.all([listCatalogChanges(db, actor, params), providerSyncOverview(db, actor), listProviderNames(db, actor)]);
  return (
    <>
      <PageHeader title="Catalog changes" description="Every change a sync, a pricing rule or an admin made to the catalog. Customers see new, disabled and repriced services on their Updates page." />
      <Card title="Syncs">
        {runs.length === 0 ? <EmptyState>No providers yet.</EmptyState> : (
          <div className="grid gap-3 lg:grid-cols-2">
            {runs.map((r) => (
              <SyncPanel key={r.providerId} isAdmin={actor.role === "admin"} run={{
                providerId: r.providerId, provider: r.provider, status: r.status, phase: r.phase, processed: r.processed, total: r.total,
                startedAt: formatDateTime(r.startedAt), finishedAt: r.finishedAt ? formatDateTime(r.finishedAt) : null, error: r.error,
                summaryLines: summaryLines(r.summary), intervalMinutes: r.intervalMinutes, nextSyncAt: r.nextSyncAt ? formatDateTime(r.nextSyncAt) : null,
              }} />
            ))}
          </div>
        )}
      </Card>
      <Card title={`Change log (${changes.total})`} className="mt-6">
        <FilterBar resetHref="/admin/catalog-changes">
          <FilterSelect label="Change" name="kind" value={params.kind} options={Object.entries(KIND_LABELS).map(([value, k]) => ({ value, label: k.label }))} />
          <FilterSelect label="Provider" name="providerId" value={params.providerId} options={providers.map((p) => ({ value: String(p.id), label: p.name }))} />
          <FilterSelect label="Items" name="itemKind" value={params.itemKind} options={[{ value: "service", label: "Services" }, { value: "product", label: "Products" }]} />
        </FilterBar>
        <DataTable
          label="Catalog changes"
          testId="catalog-changes"
          rows={changes.rows}
          empty="No changes recorded."
          columns={(column) => [
            column({ header: "When", className: "whitespace-nowrap text-slate-500", cell: (c) => <Time value={c.createdAt} relative /> }),
            column({ header: "Change", card: "primary", cell: (c) => <Badge tone={KIND_LABELS[c.kind]?.tone}>{KIND_LABELS[c.kind]?.label ?? c.kind}</Badge> }),
            column({ header: "Item", card: "title", className: "max-w-72", cell: (c) => <><span className="font-medium">{c.itemKind} #{c.itemId}</span> {c.itemName}</> }),
            column({ header: "Provider", className: "whitespace-nowrap", cell: (c) => c.provider }),
            column({ header: "Upstream", className: "max-w-72 text-slate-600", cell: (c) => (c.oldValue || c.newValue ? `${c.oldValue ?? "—"} → ${c.newValue ?? "—"}` : "—") }),
            column({
              header: "Our price",
              card: "primary",
              align: "right",
              className: "tabular-nums whitespace-nowrap",
              cell: (c) => (c.oldSellRate && c.newSellRate && c.oldSellRate !== c.newSellRate ? `${formatMoney(c.oldSellRate, PANEL_CURRENCY)} → ${formatMoney(c.newSellRate, PANEL_CURRENCY)}` : c.newSellRate ? formatMoney(c.newSellRate, PANEL_CURRENCY) : "—"),
            }),
          ]}
        />
        <Pagination path="/admin/catalog-changes" params={params} page={changes.page} pageSize={changes.pageSize} total={changes.total} />
      </Card>
    </>
  );
}
