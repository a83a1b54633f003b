// The staff services and products pages are one list with two wordings: the same filters (plus
// any a kind adds), the price table, its empty state and its pages.
import type { ReactNode } from "react";
import type { CatalogPage, StaffCatalogItem } from "@/lib/catalog/staff-catalog";
import { Card, EmptyState } from "@/components/ui/card";
import { StaffCatalogTable } from "./staff-catalog-table";
import { FilterBar, FilterInput, FilterSelect, YES_NO } from "@/components/admin/filter-bar";
import { Pagination } from "@/components/admin/pagination";

export type CatalogParams = { providerId?: string; category?: string; search?: string; enabled?: string; override?: string; page?: string };

export function StaffCatalogList<R extends StaffCatalogItem>({
  kind,
  result,
  providers,
  params,
  isAdmin,
  extraFilters = null,
  nothingYet,
  describe,
  flags,
}: {
  kind: "service" | "product";
  result: CatalogPage<R>;
  providers: { id: number; name: string }[];
  params: CatalogParams;
  isAdmin: boolean;
  extraFilters?: ReactNode;
  /** Shown when the catalog holds none of this kind at all (not when filters hide them). */
  nothingYet: string;
  describe: (row: R) => ReactNode;
  flags: (row: R) => ReactNode;
}) {
  const path = kind === "service" ? "/admin/services" : "/admin/products";
  return (
    <Card>
      <FilterBar resetHref={path}>
        <FilterSelect label="Provider" name="providerId" value={params.providerId} options={providers.map((p) => ({ value: String(p.id), label: p.name }))} />
        <FilterSelect label="Category" name="category" value={params.category} options={result.categories.map((c) => ({ value: c, label: c }))} />
        <FilterInput label="Search" name="search" value={params.search} placeholder="Name, id or upstream id" />
        <FilterSelect label="Status" name="enabled" value={params.enabled} options={YES_NO("Enabled", "Disabled")} />
        {extraFilters}
      </FilterBar>
      {result.rows.length === 0 ? (
        <EmptyState>{result.total === 0 && !Object.values(params).some(Boolean) ? nothingYet : `No ${kind} matches these filters.`}</EmptyState>
      ) : (
        <StaffCatalogTable kind={kind} rows={result.rows} isAdmin={isAdmin} describe={describe} flags={flags} />
      )}
      <Pagination path={path} params={params} page={result.page} pageSize={result.pageSize} total={result.total} />
    </Card>
  );
}
