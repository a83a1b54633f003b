import type { Metadata } from "next";
import { Badge } from "@/components/admin/badges";
import { FilterBar, FilterSelect } from "@/components/admin/filter-bar";
import { formatWhen } from "@/components/admin/format";
import { Pagination } from "@/components/admin/pagination";
import { SyncPanel } from "@/components/pricing/sync-panel";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { listProviderNames } from "@/lib/admin/catalog-items";
import { requireStaff } from "@/lib/auth/session";
import { listCatalogChanges, providerSyncOverview } from "@/lib/catalog/change-log";
import { summaryLines } from "@/lib/catalog/sync-summary-text";
import { getDb } from "@/lib/db/client";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Catalog changes — Reseller Panel" };

const KIND_LABELS: Record<string, { label: string; tone: "green" | "red" | "amber" | "slate" | "indigo" }> = {
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
                startedAt: formatWhen(r.startedAt), finishedAt: r.finishedAt ? formatWhen(r.finishedAt) : null, error: r.error,
                summaryLines: summaryLines(r.summary), intervalMinutes: r.intervalMinutes, nextSyncAt: r.nextSyncAt ? formatWhen(r.nextSyncAt) : null,
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
        {changes.rows.length === 0 ? <EmptyState>No changes recorded.</EmptyState> : (
          <div className="relative -mx-5 overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="catalog-changes">
              <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-2 pl-5 pr-3">When</th>
                  <th className="px-3">Change</th>
                  <th className="px-3">Item</th>
                  <th className="px-3">Provider</th>
                  <th className="px-3">Upstream</th>
                  <th className="py-2 pl-3 pr-5 text-right">Our price</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {changes.rows.map((c) => (
                  <tr key={c.id}>
                    <td className="py-2 pl-5 pr-3 whitespace-nowrap text-slate-500">{formatWhen(c.createdAt)}</td>
                    <td className="px-3"><Badge tone={KIND_LABELS[c.kind]?.tone}>{KIND_LABELS[c.kind]?.label ?? c.kind}</Badge></td>
                    <td className="max-w-72 px-3"><span className="font-medium">{c.itemKind} #{c.itemId}</span> {c.itemName}</td>
                    <td className="px-3 whitespace-nowrap">{c.provider}</td>
                    <td className="max-w-72 px-3 text-slate-600">{c.oldValue || c.newValue ? `${c.oldValue ?? "—"} → ${c.newValue ?? "—"}` : "—"}</td>
                    <td className="py-2 pl-3 pr-5 text-right tabular-nums whitespace-nowrap">
                      {c.oldSellRate && c.newSellRate && c.oldSellRate !== c.newSellRate ? `${formatMoney(c.oldSellRate)} → ${formatMoney(c.newSellRate)}` : c.newSellRate ? formatMoney(c.newSellRate) : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination path="/admin/catalog-changes" params={params} page={changes.page} pageSize={changes.pageSize} total={changes.total} />
      </Card>
    </>
  );
}
