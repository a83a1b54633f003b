import { plural } from "@/lib/util/plural";
import type { Metadata } from "next";
import Link from "next/link";
import { CustomerCatalogTable } from "@/components/orders/customer-catalog-table";
import { Pager } from "@/components/ui/pager";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { CATALOG_SORTS, listCatalogPage } from "@/lib/storefront/catalog-page";
import { listServiceCategories } from "@/lib/storefront/service-search";

export const metadata: Metadata = { title: "Services" };

const control = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm";

export default async function ServicesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  const raw = await searchParams;
  const db = await getDb();
  const [catalog, categories] = await Promise.all([
    listCatalogPage(db, user.id, raw),
    listServiceCategories(db, user.id),
  ]);
  const { query } = catalog;
  const linkTo = (page: number) =>
    `/services?${new URLSearchParams(Object.entries({ ...query, page: String(page) }).filter(([, v]) => v) as [string, string][])}`;
  return (
    <>
      <PageHeader
        title="Services"
        description={`${plural(catalog.total, "service")} · prices in ${PANEL_CURRENCY} per 1000 units.`}
        actions={
          <Link href="/updates" className="text-sm font-medium text-indigo-700 hover:underline">
            Updates: new services and price changes →
          </Link>
        }
      />
      <form className="mb-4 flex flex-wrap items-end gap-2" role="search">
        <div className="flex min-w-0 basis-full flex-col gap-1 sm:max-w-xs sm:flex-1 sm:basis-auto">
          <label htmlFor="catalog-q" className="text-xs font-medium text-slate-700">Name or id</label>
          <input id="catalog-q" name="q" defaultValue={query.q} placeholder="e.g. Instagram Likes or 42" className={control} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="catalog-category" className="text-xs font-medium text-slate-700">Category</label>
          <select id="catalog-category" name="category" defaultValue={query.category ?? ""} className={control}>
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c.category} value={c.category}>{c.category} ({c.services})</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="catalog-sort" className="text-xs font-medium text-slate-700">Sort</label>
          <select id="catalog-sort" name="sort" defaultValue={query.sort} className={control}>
            {Object.entries(CATALOG_SORTS).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </div>
        <button className={`${control} font-medium text-slate-800 hover:bg-slate-50`}>Show</button>
      </form>
      <Card>
        {catalog.services.length === 0 ? (
          <EmptyState>No services match.</EmptyState>
        ) : (
          <CustomerCatalogTable services={catalog.services} currency={PANEL_CURRENCY} />
        )}
        <Pager page={catalog.page} pages={Math.max(1, Math.ceil(catalog.total / catalog.pageSize))} hrefFor={linkTo} />
      </Card>
    </>
  );
}
