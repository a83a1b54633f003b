// An admin's edits of a service that survive syncs: shown name, description, category, sort
// order, on/off. Overrides are stored apart from the upstream's values (nameOverride beside
// upstreamName, …); the shown columns are the override or, when cleared, the upstream value.
import type { Db } from "@/lib/db/connection";
import { recordAudit } from "@/lib/audit/record-audit";
import { adminRefusal, assertStaff, type AdminResult, type StaffActor } from "@/lib/admin/authorize";
import { fail, fieldRefusal } from "@/lib/result";
import { canonicalServiceType } from "@/lib/upstream/add-order-input";
import { z } from "zod";
import { lockCatalogPricing, repriceItems } from "@/lib/pricing/reprice-sql";
import { FIELD_CAPS } from "./listing-rules";

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`).optional().default("");

export const ZEditServiceInput = z.object({
  serviceId: z.coerce.number().int().positive().max(2_147_483_647),
  // Blank: show the upstream's value again.
  name: text(FIELD_CAPS.name),
  category: text(FIELD_CAPS.category),
  description: text(FIELD_CAPS.description),
  sortOrder: z.preprocess((v) => (v === "" || v === undefined ? 0 : v), z.coerce.number({ error: "A whole number." }).int("A whole number.").min(-1_000_000).max(1_000_000)),
  enabled: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()),
});
export type EditServiceInput = z.output<typeof ZEditServiceInput>;

const SELECT = {
  id: true, providerId: true, upstreamId: true, type: true, name: true, category: true, description: true,
  upstreamName: true, upstreamCategory: true, upstreamDescription: true, nameOverride: true, categoryOverride: true,
  descriptionOverride: true, sortOrder: true, enabled: true, upstreamListed: true, invalidReason: true, sellRate: true,
  provider: { select: { name: true } },
} as const;

export async function serviceForEdit(db: Db, actor: StaffActor, serviceId: number) {
  assertStaff(actor);
  if (!Number.isSafeInteger(serviceId) || serviceId < 1 || serviceId > 2_147_483_647) return null;
  return db.service.findUnique({ where: { id: serviceId }, select: SELECT });
}

/** `input` parsed by ZEditServiceInput at the boundary. */
export async function editService(db: Db, actor: StaffActor, input: EditServiceInput): Promise<AdminResult> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  const { serviceId, name, category, description, sortOrder, enabled } = input;
  return db.$transaction(async (tx): Promise<AdminResult> => {
    const before = await tx.service.findUnique({ where: { id: serviceId }, select: SELECT });
    if (!before) return fail("not_found", "No such service.");
    if (enabled && !before.enabled) {
      const why = !before.upstreamListed ? "the provider no longer lists it"
        : before.invalidReason ? `its listing cannot be sold (${before.invalidReason})`
        : canonicalServiceType(before.type) === null ? "its type cannot be ordered through the panel"
        : before.sellRate.lte(0) ? "its price is not positive" : null;
      if (why) return fieldRefusal("service_unavailable", "enabled", `It cannot be switched on: ${why}.`, `Cannot be switched on: ${why}.`);
    }
    // An override equal to the upstream value is no override: a later upstream rename shows through.
    const override = (value: string, upstream: string | null) => (value === "" || value === upstream ? null : value);
    const nameOverride = override(name, before.upstreamName);
    const categoryOverride = override(category, before.upstreamCategory);
    const descriptionOverride = override(description, before.upstreamDescription);
    const after = await tx.service.update({
      where: { id: serviceId },
      data: {
        nameOverride, categoryOverride, descriptionOverride, sortOrder, enabled,
        name: nameOverride ?? before.upstreamName,
        category: categoryOverride ?? before.upstreamCategory,
        description: descriptionOverride ?? before.upstreamDescription,
      },
      select: SELECT,
    });
    // A new category may fall under another category's pricing rule.
    if (before.category !== after.category) {
      await lockCatalogPricing(tx);
      await repriceItems(tx, "service", { itemIds: [serviceId] }, { log: true });
    }
    const view = (s: typeof before) => ({ name: s.name, category: s.category, description: s.description, sortOrder: s.sortOrder, enabled: s.enabled });
    await recordAudit(tx, { actorId: actor.id, action: "service.edit", entityType: "Service", entityId: serviceId, before: view(before), after: view(after) });
    if (before.enabled !== after.enabled) {
      await tx.catalogChange.create({
        data: { providerId: before.providerId, itemKind: "service", itemId: serviceId, kind: after.enabled ? "relisted" : "removed", newValue: after.enabled ? "enabled by an admin" : "disabled by an admin", oldSellRate: before.sellRate, newSellRate: before.sellRate },
      });
    }
    return { ok: true };
  });
}
