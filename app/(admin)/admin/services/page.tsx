import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { CatalogTable } from "@/components/admin/catalog-table";
import { FilterBar, FilterInput, FilterSelect, YES_NO } from "@/components/admin/filter-bar";
import { Pagination } from "@/components/admin/pagination";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { listProviderNames, listServicesForStaff } from "@/lib/admin/catalog-items";
import { requireStaff } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Services — Reseller Panel" };

type Params = { providerId?: string; category?: string; search?: string; enabled?: string; override?: string; page?: string };

export default async function ServicesPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requireStaff();
  const params = await searchParams;
  const db = await getDb();
  const [result, providers] = await Promise.all([listServicesForStaff(db, actor, params), listProviderNames(db, actor)]);
  const isAdmin = actor.role === "admin";
  return (
    <>
      <PageHeader
        title="Services"
        description={isAdmin ? "Imported services: upstream cost, our price, limits. A fixed price is kept across catalog syncs." : "Imported services: upstream cost, our price, limits."}
      />
      <Card>
        <FilterBar resetHref="/admin/services">
          <FilterSelect label="Provider" name="providerId" value={params.providerId} options={providers.map((p) => ({ value: String(p.id), label: p.name }))} />
          <FilterSelect label="Category" name="category" value={params.category} options={result.categories.map((c) => ({ value: c, label: c }))} />
          <FilterInput label="Search" name="search" value={params.search} placeholder="Name, id or upstream id" />
          <FilterSelect label="Status" name="enabled" value={params.enabled} options={YES_NO("Enabled", "Disabled")} />
          <FilterSelect label="Price" name="override" value={params.override} options={YES_NO("Fixed price", "Markup")} />
        </FilterBar>
        {result.rows.length === 0 ? (
          <EmptyState>{result.total === 0 && !Object.values(params).some(Boolean) ? "No services yet: sync a provider's catalog first." : "No service matches these filters."}</EmptyState>
        ) : (
          <CatalogTable
            kind="service"
            rows={result.rows}
            isAdmin={isAdmin}
            describe={(row) => row.type}
            flags={(row) => (
              <>
                {row.refill ? <Badge>refill</Badge> : null}
                {row.cancel ? <Badge>cancel</Badge> : null}
                {row.dripfeed ? <Badge>drip-feed</Badge> : null}
              </>
            )}
          />
        )}
        <Pagination path="/admin/services" params={params} page={result.page} pageSize={result.pageSize} total={result.total} />
      </Card>
    </>
  );
}
