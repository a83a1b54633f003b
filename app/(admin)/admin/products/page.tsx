import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { StaffCatalogList, type CatalogParams } from "@/components/catalog/staff-catalog-list";
import { PageHeader } from "@/components/ui/card";
import { listProductsForStaff } from "@/lib/catalog/staff-catalog";
import { listProviderNames } from "@/lib/providers/staff-providers";
import { requireStaff } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Products" };

export default async function ProductsPage({ searchParams }: { searchParams: Promise<CatalogParams> }) {
  const actor = await requireStaff();
  const params = await searchParams;
  const db = await getDb();
  const [result, providers] = await Promise.all([listProductsForStaff(db, actor, params), listProviderNames(db, actor)]);
  return (
    <>
      <PageHeader title="Products" description="Imported products (accounts, codes…): prices per unit and stock as the provider reports it." />
      <StaffCatalogList
        kind="product"
        result={result}
        providers={providers}
        params={params}
        isAdmin={actor.role === "admin"}
        nothingYet="No products yet: not every provider sells them."
        describe={(row) => `${row.productType}${row.inventory !== null ? ` · ${row.inventory} in stock` : ""}`}
        flags={(row) => <Badge tone={/out/i.test(row.stockStatus) ? "amber" : "slate"}>{row.stockStatus}</Badge>}
      />
    </>
  );
}
