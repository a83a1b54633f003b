// Commission leaving the commission balance, two ways: into the affiliate's main balance at once
// (one AffiliatePayout of kind balance and its ledger entry affiliate_commission, through the one
// balance road), or as a withdrawal request above the minimum that an admin marks paid (sent
// outside the panel) or rejects (the amount returns to the commission balance). Each runs under a
// lock of the affiliate's row, never above the balance; a request key makes a repeated
// submission the same payout, and a partial unique index allows one ledger entry per payout.
import type { Db } from "@/lib/db/connection";
import { adminRefusal, type AdminResult, type StaffActor } from "@/lib/admin/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import { creditAffiliatePayout } from "@/lib/ledger/credit-affiliate-payout";
import { moneyTransaction } from "@/lib/ledger/transaction";
import { PANEL_CURRENCY } from "@/lib/currency";
import { formatMoney, toLedgerString } from "@/lib/money";
import { fromDb } from "@/lib/money/db-decimal";
import { fail, type Failure } from "@/lib/result";
import { commissionBalance, lockAffiliate } from "./commissions";
import type { DecideWithdrawalInput, PayoutToBalanceInput, WithdrawalInput } from "./schemas";
import { getAffiliateSettings } from "./settings";

export type PayoutResult = { ok: true; payoutId: number; amount: string; repeated: boolean } | Failure;

/** Moves the whole commission balance into the main balance. */
export async function payoutToBalance(db: Db, affiliateId: number, input: PayoutToBalanceInput): Promise<PayoutResult> {
  return moneyTransaction(db, async (tx) => {
    await lockAffiliate(tx, affiliateId);
    const earlier = await tx.affiliatePayout.findUnique({ where: { affiliateId_requestKey: { affiliateId, requestKey: input.idempotencyKey } }, select: { id: true, amount: true } });
    if (earlier) return { ok: true as const, payoutId: earlier.id, amount: toLedgerString(earlier.amount), repeated: true };
    const available = await commissionBalance(tx, affiliateId);
    if (!available.gt(0)) return fail("balance_too_low", "There is no commission to pay out yet.");
    const payout = await tx.affiliatePayout.create({
      data: { affiliateId, kind: "balance", state: "paid", amount: toLedgerString(available), requestKey: input.idempotencyKey, decidedAt: new Date() },
      select: { id: true },
    });
    await creditAffiliatePayout(tx, { affiliateId, payoutId: payout.id, amount: available });
    return { ok: true as const, payoutId: payout.id, amount: toLedgerString(available), repeated: false };
  });
}

/** Asks staff to pay `amount` out of the panel; at least the minimum, at most the commission balance. */
export async function requestWithdrawal(db: Db, affiliateId: number, input: WithdrawalInput): Promise<PayoutResult> {
  return moneyTransaction(db, async (tx) => {
    await lockAffiliate(tx, affiliateId);
    const earlier = await tx.affiliatePayout.findUnique({ where: { affiliateId_requestKey: { affiliateId, requestKey: input.idempotencyKey } }, select: { id: true, amount: true } });
    if (earlier) return { ok: true as const, payoutId: earlier.id, amount: toLedgerString(earlier.amount), repeated: true };
    const { minWithdrawal } = await getAffiliateSettings(tx);
    if (input.amount.lt(minWithdrawal)) {
      return fail("below_min", `A withdrawal is at least ${formatMoney(minWithdrawal, PANEL_CURRENCY)}.`, { data: { min: toLedgerString(minWithdrawal) }, fields: { amount: { code: "below_min", message: `At least ${formatMoney(minWithdrawal, PANEL_CURRENCY)}.` } } });
    }
    const available = await commissionBalance(tx, affiliateId);
    if (input.amount.gt(available)) {
      const message = `Your commission balance is ${formatMoney(available, PANEL_CURRENCY)}.`;
      return fail("balance_too_low", message, { fields: { amount: { code: "balance_too_low", message } } });
    }
    const payout = await tx.affiliatePayout.create({
      data: { affiliateId, kind: "withdrawal", state: "requested", amount: toLedgerString(input.amount), requestKey: input.idempotencyKey, details: input.details },
      select: { id: true },
    });
    return { ok: true as const, payoutId: payout.id, amount: toLedgerString(input.amount), repeated: false };
  });
}

/** An admin marks a requested withdrawal paid (sent) or rejects it with a reason; audited. */
export async function decideWithdrawal(db: Db, actor: StaffActor, input: DecideWithdrawalInput): Promise<AdminResult> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  return moneyTransaction(db, async (tx) => {
    const [moved] = await tx.affiliatePayout.updateManyAndReturn({
      where: { id: input.payoutId, kind: "withdrawal", state: "requested" },
      data: { state: input.decision, decidedById: actor.id, decidedAt: new Date(), decisionReason: input.reason || null },
      select: { id: true, affiliateId: true, amount: true },
    });
    if (!moved) return fail("already_decided", "This withdrawal was already decided (or does not exist).");
    await recordAudit(tx, {
      actorId: actor.id, action: `affiliate_withdrawal.${input.decision === "paid" ? "pay" : "reject"}`, entityType: "AffiliatePayout", entityId: moved.id,
      reason: input.reason || null, before: { state: "requested" }, after: { state: input.decision, amount: toLedgerString(fromDb(moved.amount)), affiliateId: moved.affiliateId },
    });
    return { ok: true as const };
  });
}
