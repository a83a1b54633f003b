"use server";
// Admin decisions of the affiliate program. Those that change what an affiliate is owed (voids,
// withdrawals, held referrals) run once per submission (adminMoneyAction's idempotency key).
import { revalidatePath } from "next/cache";
import { adminAction, adminMoneyAction, refusalState } from "@/lib/actions/action-client";
import { decideWithdrawal } from "@/lib/affiliates/payouts";
import { reviewReferral, voidCommission } from "@/lib/affiliates/review";
import { ZAffiliatePercentInput, ZAffiliateSettingsInput, ZDecideWithdrawalInput, ZReviewReferralInput, ZVoidCommissionInput } from "@/lib/affiliates/schemas";
import { setAffiliatePercent, setAffiliateSettings } from "@/lib/affiliates/settings";
import { getDb } from "@/lib/db/client";

const done = (message: string) => {
  revalidatePath("/admin/affiliates");
  return { ok: true as const, message };
};

export const saveAffiliateSettingsAction = adminAction(ZAffiliateSettingsInput, async (input, actor) => {
  const result = await setAffiliateSettings(await getDb(), actor, input);
  return result.ok ? done("Affiliate settings saved.") : refusalState(result);
});

export const setAffiliatePercentAction = adminAction(ZAffiliatePercentInput, async (input, actor) => {
  const result = await setAffiliatePercent(await getDb(), actor, input);
  return result.ok ? done(input.percent ? `Customer #${input.customerId} now earns ${input.percent.toFixed()} %.` : `Customer #${input.customerId} earns the global percent again.`) : refusalState(result);
});

export const voidCommissionAction = adminMoneyAction("affiliate_commission.void", ZVoidCommissionInput, async (input, actor) => {
  const result = await voidCommission(await getDb(), actor, input);
  return result.ok ? done(`Commission #${input.commissionId} voided.`) : refusalState(result);
});

export const decideWithdrawalAction = adminMoneyAction("affiliate_withdrawal.decide", ZDecideWithdrawalInput, async (input, actor) => {
  const result = await decideWithdrawal(await getDb(), actor, input);
  return result.ok ? done(`Withdrawal #${input.payoutId} ${input.decision === "paid" ? "marked paid" : "rejected"}.`) : refusalState(result);
});

export const reviewReferralAction = adminMoneyAction("referral.review", ZReviewReferralInput, async (input, actor) => {
  const result = await reviewReferral(await getDb(), actor, input);
  return result.ok ? done(`Referral #${input.referralId} ${input.decision === "active" ? "approved" : "rejected"}.`) : refusalState(result);
});
