// One imported service or product as the staff catalog edits read it: its price, its provider's
// exchange rate and what decides whether it can be switched on. Shared by the fixed price
// (lib/pricing/sell-rates.ts) and the on/off switch (set-item-enabled.ts).
import "server-only";
import type { Db } from "@/lib/db/connection";
import { canonicalServiceType } from "@/lib/upstream/add-order-input";
import { fail } from "@/lib/result";
import type { CatalogKind } from "./schemas";

export async function readCatalogItem(db: Db, kind: CatalogKind, id: number) {
  const select = {
    providerId: true, upstreamRate: true, sellRate: true, sellRateOverride: true, priceFlag: true, enabled: true, upstreamListed: true,
    invalidReason: true, provider: { select: { exchangeRate: true } },
  } as const;
  if (kind === "service") {
    const row = await db.service.findUnique({ where: { id }, select: { ...select, type: true } });
    return row && { ...row, orderable: canonicalServiceType(row.type) !== null };
  }
  const row = await db.product.findUnique({ where: { id }, select });
  return row && { ...row, orderable: true };
}
export type CatalogItem = NonNullable<Awaited<ReturnType<typeof readCatalogItem>>>;

export const noSuchItem = (kind: CatalogKind) => fail("not_found", `No such ${kind}.`);
