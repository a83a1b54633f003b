// An admin switches an imported service or product on or off for customers. Only rows that can
// actually be ordered are switched on; customers see each switch on their Updates page. Audited.
import "server-only";
import type { Db } from "@/lib/db/connection";
import { adminRefusal, type AdminResult, type StaffActor } from "@/lib/admin/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { fail } from "@/lib/result";
import { noSuchItem, readCatalogItem } from "./catalog-item";
import type { SetEnabledInput } from "./schemas";

/** Switches a row on or off for customers. Only rows that can actually be ordered are switched on. */
export async function setCatalogItemEnabled(db: Db, actor: StaffActor, input: SetEnabledInput): Promise<AdminResult> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  const { kind, id, enabled } = input;
  const row = await readCatalogItem(db, kind, id);
  if (!row) return noSuchItem(kind);
  const delisted = fail("service_unavailable", `The provider no longer lists this ${kind}; it cannot be switched on.`);
  if (enabled && !row.upstreamListed) return delisted;
  if (enabled && !row.orderable) return fail("type_unsupported", "This service's type cannot be ordered through the panel; it stays off.");
  if (enabled && row.invalidReason) {
    return fail("service_unavailable", `The provider's listing cannot be sold (${row.invalidReason}); it stays off until a sync brings a sane listing.`);
  }
  // Conditional on what made it sellable, so that a sync landing in between is respected.
  const where = { id, ...(enabled ? { upstreamListed: true, invalidReason: null, sellRate: { gt: 0 } } : {}) };
  const done = await db.$transaction(async (tx) => {
    const { count } = kind === "service" ? await tx.service.updateMany({ where, data: { enabled } }) : await tx.product.updateMany({ where, data: { enabled } });
    if (!count) return false;
    await recordAudit(tx, {
      actorId: actor.id, action: enabled ? "catalog_item.enable" : "catalog_item.disable", entityType: kind === "service" ? "Service" : "Product",
      entityId: id, before: { enabled: row.enabled }, after: { enabled },
    });
    // Customers see switches on the Updates page.
    if (row.enabled !== enabled) {
      await tx.catalogChange.create({
        data: { providerId: row.providerId, itemKind: kind, itemId: id, kind: enabled ? "relisted" : "removed", newValue: enabled ? "enabled by an admin" : "disabled by an admin", oldSellRate: row.sellRate, newSellRate: row.sellRate },
      });
    }
    return true;
  });
  return done ? { ok: true } : delisted;
}
