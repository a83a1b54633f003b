// Staff decisions about commissions: an admin voids one (with a reason; it leaves the commission
// balance, which may then owe what was already paid out of it), and reviews a referral held by the
// self-referral checks: approved, its held commissions count; rejected, they are voided. Audited.
import type { Db } from "@/lib/db/connection";
import { adminRefusal, type AdminResult, type StaffActor } from "@/lib/admin/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { moneyTransaction } from "@/lib/ledger/transaction";
import { toLedgerString } from "@/lib/money";
import { fail } from "@/lib/result";
import { lockAffiliate, REJECTED_REFERRAL_REASON } from "./commissions";
import type { ReviewReferralInput, VoidCommissionInput } from "./schemas";

export async function voidCommission(db: Db, actor: StaffActor, input: VoidCommissionInput): Promise<AdminResult> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  return moneyTransaction(db, async (tx) => {
    const found = await tx.affiliateCommission.findUnique({ where: { id: input.commissionId }, select: { affiliateId: true } });
    if (!found) return fail("not_found", "No such commission.");
    await lockAffiliate(tx, found.affiliateId);
    const [voided] = await tx.affiliateCommission.updateManyAndReturn({
      where: { id: input.commissionId, state: { in: ["earned", "held"] } },
      data: { state: "voided", voidReason: input.reason, voidedById: actor.id, voidedAt: new Date() },
      select: { id: true, amount: true, takenBack: true, paymentId: true },
    });
    if (!voided) return fail("already_decided", "This commission is already voided.");
    await recordAudit(tx, {
      actorId: actor.id, action: "affiliate_commission.void", entityType: "AffiliateCommission", entityId: voided.id, reason: input.reason,
      before: { state: "earned" }, after: { state: "voided", amount: toLedgerString(voided.amount), takenBack: toLedgerString(voided.takenBack), paymentId: voided.paymentId },
    });
    return { ok: true as const };
  });
}

export async function reviewReferral(db: Db, actor: StaffActor, input: ReviewReferralInput): Promise<AdminResult> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  return moneyTransaction(db, async (tx) => {
    const found = await tx.referral.findUnique({ where: { id: input.referralId }, select: { affiliateId: true } });
    if (!found) return fail("not_found", "No such referral.");
    await lockAffiliate(tx, found.affiliateId);
    const [moved] = await tx.referral.updateManyAndReturn({ where: { id: input.referralId, state: "held" }, data: { state: input.decision }, select: { id: true, referredId: true, holdReason: true } });
    if (!moved) return fail("already_decided", "This referral is not waiting for review.");
    const commissions = await tx.affiliateCommission.updateMany({
      where: { referredId: moved.referredId, state: "held" },
      data: input.decision === "active" ? { state: "earned" } : { state: "voided", voidReason: REJECTED_REFERRAL_REASON, voidedById: actor.id, voidedAt: new Date() },
    });
    await recordAudit(tx, {
      actorId: actor.id, action: `referral.${input.decision === "active" ? "approve" : "reject"}`, entityType: "Referral", entityId: moved.id,
      reason: moved.holdReason, before: { state: "held" }, after: { state: input.decision, commissions: commissions.count },
    });
    return { ok: true as const };
  });
}
