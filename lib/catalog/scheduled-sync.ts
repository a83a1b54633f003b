// Catalog syncs on a schedule: an admin gives a provider an interval; the worker, between its
// order passes, runs the syncs that are due. Several workers may run: a provider is claimed by
// moving its next due time forward in one conditional UPDATE, so only one of them syncs it.
import type { Db } from "@/lib/db/connection";
import { recordAudit } from "@/lib/audit/record-audit";
import { adminRefusal, type AdminResult, type StaffActor } from "@/lib/admin/authorize";
import { fail } from "@/lib/result";
import { z } from "zod";
import { syncCatalog } from "./sync-catalog";

export const ZSyncScheduleInput = z.object({
  providerId: z.coerce.number().int().positive().max(2_147_483_647),
  // Blank: manual syncs only.
  intervalMinutes: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce.number({ error: "Enter minutes, e.g. 60." }).int("Whole minutes.").min(5, "At least 5 minutes.").max(10080, "At most a week (10080 minutes).").optional(),
  ),
});

export type SyncScheduleInput = z.output<typeof ZSyncScheduleInput>;
type SyncScheduleResult = AdminResult<{ intervalMinutes: number | null }>;

/** `input` parsed by ZSyncScheduleInput at the boundary. */
export async function setSyncSchedule(db: Db, actor: StaffActor, input: SyncScheduleInput): Promise<SyncScheduleResult> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  const { providerId, intervalMinutes = null } = input;
  return db.$transaction(async (tx): Promise<SyncScheduleResult> => {
    const before = await tx.provider.findUnique({ where: { id: providerId }, select: { catalogSyncIntervalMinutes: true } });
    if (!before) return fail("not_found", "No such provider.");
    await tx.provider.update({
      where: { id: providerId },
      data: { catalogSyncIntervalMinutes: intervalMinutes, nextCatalogSyncAt: intervalMinutes ? new Date(Date.now() + intervalMinutes * 60_000) : null },
    });
    await recordAudit(tx, {
      actorId: actor.id, action: "provider.catalog_sync_schedule", entityType: "Provider", entityId: providerId,
      before: { intervalMinutes: before.catalogSyncIntervalMinutes }, after: { intervalMinutes },
    });
    return { ok: true, intervalMinutes };
  });
}

/** Claims every provider whose scheduled sync is due and syncs them one after another. */
export async function runDueCatalogSyncs(db: Db, options: { now?: Date; log?: (line: string) => void } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const claimed = await db.$queryRaw<{ id: number; name: string }[]>`
    UPDATE "Provider" SET "nextCatalogSyncAt" = ${now}::timestamp + make_interval(mins => "catalogSyncIntervalMinutes")
    WHERE "enabled" AND "catalogSyncIntervalMinutes" IS NOT NULL AND ("nextCatalogSyncAt" IS NULL OR "nextCatalogSyncAt" <= ${now}::timestamp)
    RETURNING "id", "name"`;
  for (const provider of claimed) {
    try {
      const result = await syncCatalog(db, provider.id, { trigger: "schedule" });
      if (!result.ok) options.log?.(`scheduled catalog sync of ${provider.name} failed, nothing changed: ${result.message}`);
      else {
        const c = result.summary.services.changes;
        options.log?.(`scheduled catalog sync of ${provider.name}: ${c.added} new, ${c.removed} removed, ${c.price_up} up, ${c.price_down} down`);
      }
    } catch (error) {
      options.log?.(`scheduled catalog sync of ${provider.name} failed: ${(error as Error).message}`);
    }
  }
  return claimed.length;
}
