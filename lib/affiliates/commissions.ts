// Commission on referred customers' deposits, moved with the deposit itself: movePayment
// (lib/payments/move-payment.ts) calls accrueCommission in the transaction that credits a payment
// and takeBackCommission in the one that charges it back, so a commission never exists without
// its credited deposit. One commission per payment (unique paymentId, ON CONFLICT DO NOTHING):
// two racing credits of one deposit can only ever write one. Every credited payment of a referred
// customer gets its row — a held referral's as held, a rejected one's as voided — so ledger:verify
// can check that none is missing (lib/affiliates/verify-affiliates.ts).
import { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/ledger/transaction";
import { Decimal, LEDGER_SCALE, toLedgerString } from "@/lib/money";
import { fromDb } from "@/lib/money/db-decimal";
import { affiliatePercent } from "./settings";

export const REJECTED_REFERRAL_REASON = "Referral rejected after review";

/** floor6(deposit × percent / 100): the commission never rounds up. */
export function commissionOf(deposit: Decimal, percent: Decimal): Decimal {
  return deposit.times(percent).dividedBy(100).toDecimalPlaces(LEDGER_SCALE, Decimal.ROUND_DOWN);
}

/** What a chargeback of `share` (0 … 1) of the deposit takes back of a commission. */
export function takenBackOf(amount: Decimal, share: Decimal): Decimal {
  return amount.times(Decimal.min(Decimal.max(share, 0), 1)).toDecimalPlaces(LEDGER_SCALE, Decimal.ROUND_HALF_EVEN);
}

/** In the transaction crediting `paymentId`: the referring affiliate's commission on its deposit. */
export async function accrueCommission(tx: Tx, input: { paymentId: number; customerId: number; deposit: Decimal }): Promise<void> {
  const referral = await tx.referral.findUnique({ where: { referredId: input.customerId }, select: { affiliateId: true, state: true } });
  if (!referral) return;
  const percent = await affiliatePercent(tx, referral.affiliateId);
  const amount = commissionOf(input.deposit, percent);
  const state = referral.state === "active" ? "earned" : referral.state === "held" ? "held" : "voided";
  await tx.$executeRaw`
    INSERT INTO "AffiliateCommission" ("affiliateId", "referredId", "paymentId", deposit, percent, amount, state, "voidReason")
    VALUES (${referral.affiliateId}, ${input.customerId}, ${input.paymentId}, ${toLedgerString(input.deposit)}::numeric,
            ${percent.toFixed()}::numeric, ${toLedgerString(amount)}::numeric, ${state}::"AffiliateCommissionState",
            ${state === "voided" ? REJECTED_REFERRAL_REASON : null})
    ON CONFLICT ("paymentId") DO NOTHING`;
}

/**
 * In the transaction charging back `paymentId`: the commission loses the same share as the
 * deposit (all reports so far: chargebackAmount ÷ what was credited). Only ever grows, never past
 * the commission. Taken from the commission balance; what was already paid out is owed (the
 * balance goes negative and later commissions make it up), the main balance is never touched.
 */
export async function takeBackCommission(tx: Tx, paymentId: number): Promise<void> {
  const commission = await tx.affiliateCommission.findUnique({
    where: { paymentId },
    select: { id: true, affiliateId: true, amount: true, takenBack: true, payment: { select: { creditedAmount: true, creditedBonus: true, chargebackAmount: true } } },
  });
  if (!commission) return;
  await lockAffiliate(tx, commission.affiliateId);
  const p = commission.payment;
  const credited = fromDb(p.creditedAmount ?? 0).plus(fromDb(p.creditedBonus ?? 0));
  if (!credited.gt(0)) return;
  const target = takenBackOf(fromDb(commission.amount), fromDb(p.chargebackAmount ?? 0).dividedBy(credited));
  if (!target.gt(fromDb(commission.takenBack))) return;
  await tx.affiliateCommission.update({ where: { id: commission.id }, data: { takenBack: toLedgerString(target) } });
}

/** Serializes everything that changes one affiliate's commission balance (payouts, voids, take-backs). */
export async function lockAffiliate(tx: Tx, affiliateId: number): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${affiliateId} FOR UPDATE`;
}

/**
 * The commission balance: earned commissions less what chargebacks took back, less every payout
 * not rejected (paid, or a withdrawal waiting). Negative when chargebacks or voids came after a
 * payout: that much is owed and later commissions make it up first.
 */
export async function commissionBalance(tx: Tx, affiliateId: number): Promise<Decimal> {
  const [row] = await tx.$queryRaw<{ balance: string }[]>(Prisma.sql`
    SELECT (COALESCE((SELECT SUM(amount - "takenBack") FROM "AffiliateCommission" WHERE "affiliateId" = ${affiliateId} AND state = 'earned'), 0)
          - COALESCE((SELECT SUM(amount) FROM "AffiliatePayout" WHERE "affiliateId" = ${affiliateId} AND state <> 'rejected'), 0))::text AS balance`);
  return new Decimal(row!.balance);
}
