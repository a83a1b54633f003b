import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { CatalogTable } from "@/components/admin/catalog-table";
import { FilterBar, FilterInput, FilterSelect, YES_NO } from "@/components/admin/filter-bar";
import { Pagination } from "@/components/admin/pagination";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { listProductsForStaff, listProviderNames } from "@/lib/admin/catalog-items";
import { requireStaff } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Products — Reseller Panel" };

type Params = { providerId?: string; category?: string; search?: string; enabled?: string; override?: string; page?: string };

export default async function ProductsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requireStaff();
  const params = await searchParams;
  const db = await getDb();
  const [result, providers] = await Promise.all([listProductsForStaff(db, actor, params), listProviderNames(db, actor)]);
  return (
    <>
      <PageHeader title="Products" description="Imported products (accounts, codes…): prices per unit and stock as the provider reports it." />
      <Card>
        <FilterBar resetHref="/admin/products">
          <FilterSelect label="Provider" name="providerId" value={params.providerId} options={providers.map((p) => ({ value: String(p.id), label: p.name }))} />
          <FilterSelect label="Category" name="category" value={params.category} options={result.categories.map((c) => ({ value: c, label: c }))} />
          <FilterInput label="Search" name="search" value={params.search} placeholder="Name, id or upstream id" />
          <FilterSelect label="Status" name="enabled" value={params.enabled} options={YES_NO("Enabled", "Disabled")} />
        </FilterBar>
        {result.rows.length === 0 ? (
          <EmptyState>{result.total === 0 && !Object.values(params).some(Boolean) ? "No products yet: not every provider sells them." : "No product matches these filters."}</EmptyState>
        ) : (
          <CatalogTable
            kind="product"
            rows={result.rows}
            isAdmin={actor.role === "admin"}
            describe={(row) => `${row.productType}${row.inventory !== null ? ` · ${row.inventory} in stock` : ""}`}
            flags={(row) => <Badge tone={/out/i.test(row.stockStatus) ? "amber" : "slate"}>{row.stockStatus}</Badge>}
          />
        )}
        <Pagination path="/admin/products" params={params} page={result.page} pageSize={result.pageSize} total={result.total} />
      </Card>
    </>
  );
}
