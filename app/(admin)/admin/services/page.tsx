import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { StaffCatalogList, type CatalogParams } from "@/components/catalog/staff-catalog-list";
import { FilterSelect, YES_NO } from "@/components/admin/filter-bar";
import { PageHeader } from "@/components/ui/card";
import { listProviderNames } from "@/lib/providers/staff-providers";
import { listServicesForStaff } from "@/lib/catalog/staff-catalog";
import { requireStaff } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage({ searchParams }: { searchParams: Promise<CatalogParams> }) {
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
      <StaffCatalogList
        kind="service"
        result={result}
        providers={providers}
        params={params}
        isAdmin={isAdmin}
        extraFilters={<FilterSelect label="Price" name="override" value={params.override} options={YES_NO("Fixed price", "Markup")} />}
        nothingYet="No services yet: sync a provider's catalog first."
        describe={(row) => row.type}
        flags={(row) => (
          <>
            {row.refill ? <Badge>refill</Badge> : null}
            {row.cancel ? <Badge>cancel</Badge> : null}
            {row.dripfeed ? <Badge>drip-feed</Badge> : null}
          </>
        )}
      />
    </>
  );
}
