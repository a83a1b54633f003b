// The panel's name as its owner sets it (/admin/settings): shown in the header, in every page
// title (the root layout's title template) and in emails. One function reads it — getBrandName —
// so the pages, the mail templates and the CLI all say the same name; without a setting it is
// the product's own name.
import { z } from "zod";
import type { Db } from "@/lib/db/connection";
import { adminRefusal, type AdminResult, type StaffActor } from "@/lib/admin/authorize";
import { recordAudit } from "@/lib/audit/record-audit";

export const DEFAULT_BRAND_NAME = "Reseller Panel";
const BRAND_NAME_KEY = "brand_name";
export const BRAND_NAME_MAX_LENGTH = 60;

export const ZSetBrandNameInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter the name customers see.")
    .max(BRAND_NAME_MAX_LENGTH, `At most ${BRAND_NAME_MAX_LENGTH} characters.`)
    // It lands in titles, headers and email subjects: one line of printable text.
    .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), "Use one line of text, without control characters."),
});
export type SetBrandNameInput = z.output<typeof ZSetBrandNameInput>;

/** The name customers see; the default until the owner sets one. */
export async function getBrandName(db: Db): Promise<string> {
  const row = await db.panelSetting.findUnique({ where: { key: BRAND_NAME_KEY }, select: { value: true } });
  return row?.value ?? DEFAULT_BRAND_NAME;
}

/** Admins only; the change and its audit row commit together. */
export async function setBrandName(db: Db, actor: StaffActor, input: SetBrandNameInput): Promise<AdminResult<{ name: string }>> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  return db.$transaction(async (tx) => {
    const before = await tx.panelSetting.findUnique({ where: { key: BRAND_NAME_KEY }, select: { value: true } });
    await tx.panelSetting.upsert({
      where: { key: BRAND_NAME_KEY },
      create: { key: BRAND_NAME_KEY, value: input.name, updatedById: actor.id },
      update: { value: input.name, updatedById: actor.id },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "setting.brand_name",
      entityType: "PanelSetting",
      entityId: BRAND_NAME_KEY,
      before: { name: before?.value ?? DEFAULT_BRAND_NAME },
      after: { name: input.name },
    });
    return { ok: true as const, name: input.name };
  });
}
