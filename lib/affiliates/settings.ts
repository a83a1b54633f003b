// The affiliate program's panel-wide settings, set by an admin (/admin/affiliates, audited): the
// commission percent every affiliate earns unless given one of their own, and the smallest
// withdrawal staff pay out. Read through these functions only, never as free-form keys.
import type { Db } from "@/lib/db/connection";
import type { Tx } from "@/lib/ledger/transaction";
import { adminRefusal, type AdminResult, type StaffActor } from "@/lib/admin/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { Decimal, toLedgerString } from "@/lib/money";
import { fromDb } from "@/lib/money/db-decimal";
import type { AffiliatePercentInput, AffiliateSettingsInput } from "./schemas";

const PERCENT_KEY = "affiliate_percent";
const MIN_PAYOUT_KEY = "affiliate_min_payout";
export const DEFAULT_AFFILIATE_PERCENT = "5";
export const DEFAULT_MIN_WITHDRAWAL = "10";

export type AffiliateSettings = { percent: Decimal; minWithdrawal: Decimal };

export async function getAffiliateSettings(db: Db | Tx): Promise<AffiliateSettings> {
  const rows = await db.panelSetting.findMany({ where: { key: { in: [PERCENT_KEY, MIN_PAYOUT_KEY] } }, select: { key: true, value: true } });
  const value = (key: string, fallback: string) => new Decimal(rows.find((r) => r.key === key)?.value ?? fallback);
  return { percent: value(PERCENT_KEY, DEFAULT_AFFILIATE_PERCENT), minWithdrawal: value(MIN_PAYOUT_KEY, DEFAULT_MIN_WITHDRAWAL) };
}

/** The percent an affiliate earns now: their own, else the global one. */
export async function affiliatePercent(tx: Db | Tx, affiliateId: number): Promise<Decimal> {
  const user = await tx.user.findUnique({ where: { id: affiliateId }, select: { affiliatePercent: true } });
  if (user?.affiliatePercent !== null && user?.affiliatePercent !== undefined) return fromDb(user.affiliatePercent);
  return (await getAffiliateSettings(tx)).percent;
}

export async function setAffiliateSettings(db: Db, actor: StaffActor, input: AffiliateSettingsInput): Promise<AdminResult> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  return db.$transaction(async (tx) => {
    const before = await getAffiliateSettings(tx);
    const write = (key: string, value: Decimal) =>
      tx.panelSetting.upsert({ where: { key }, create: { key, value: value.toFixed(), updatedById: actor.id }, update: { value: value.toFixed(), updatedById: actor.id } });
    await write(PERCENT_KEY, input.percent);
    await write(MIN_PAYOUT_KEY, input.minWithdrawal);
    await recordAudit(tx, {
      actorId: actor.id, action: "setting.affiliates", entityType: "PanelSetting", entityId: PERCENT_KEY,
      before: { percent: before.percent.toFixed(), minWithdrawal: toLedgerString(before.minWithdrawal) },
      after: { percent: input.percent.toFixed(), minWithdrawal: toLedgerString(input.minWithdrawal) },
    });
    return { ok: true as const };
  });
}

/** One affiliate's own percent (null: back to the global one). */
export async function setAffiliatePercent(db: Db, actor: StaffActor, input: AffiliatePercentInput): Promise<AdminResult> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.customerId }, select: { affiliatePercent: true, role: true } });
    if (!before || before.role !== "customer") return { ok: false as const, code: "not_found" as const, message: "No such customer." };
    await tx.user.update({ where: { id: input.customerId }, data: { affiliatePercent: input.percent ? input.percent.toFixed() : null } });
    await recordAudit(tx, {
      actorId: actor.id, action: "affiliate.percent", entityType: "User", entityId: input.customerId,
      before: { percent: before.affiliatePercent?.toString() ?? null }, after: { percent: input.percent?.toFixed() ?? null },
    });
    return { ok: true as const };
  });
}
