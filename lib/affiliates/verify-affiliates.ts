// The affiliate half of ledger:verify. Commissions: every credited payment of a referred customer
// has exactly one, for its referring affiliate, of floor6(deposit × percent) with the deposit the
// payment credited, and has had taken back exactly the share its chargebacks took of the payment;
// no commission exists for a payment never credited. Payouts: every payout into the balance has
// exactly one affiliate_commission entry of its amount for its affiliate, nothing else has one, and
// no affiliate has been paid more than all the commission ever accrued (voids and chargebacks
// after a payout leave the commission balance owing, not the ledger wrong).
import type { LedgerMismatch } from "@/lib/ledger/verify-ledger";
import type { Tx } from "@/lib/ledger/transaction";
import { Decimal, toLedgerString } from "@/lib/money";
import { fromDb } from "@/lib/money/db-decimal";
import { CREDITED_PAYMENT_STATES } from "@/lib/payments/payment-states";
import { commissionOf, takenBackOf } from "./commissions";

export async function verifyAffiliates(tx: Tx, options: { customerIds?: number[] }): Promise<LedgerMismatch[]> {
  const ids = options.customerIds;
  const [referrals, payments, commissions, payouts, entries] = await Promise.all([
    tx.referral.findMany({ where: ids ? { OR: [{ referredId: { in: ids } }, { affiliateId: { in: ids } }] } : {}, select: { affiliateId: true, referredId: true } }),
    tx.payment.findMany({
      where: { state: { in: [...CREDITED_PAYMENT_STATES] }, user: { referredBy: { isNot: null } }, ...(ids ? { userId: { in: ids } } : {}) },
      select: { id: true, userId: true },
    }),
    tx.affiliateCommission.findMany({
      where: ids ? { OR: [{ referredId: { in: ids } }, { affiliateId: { in: ids } }] } : {},
      select: {
        id: true, affiliateId: true, referredId: true, paymentId: true, deposit: true, percent: true, amount: true, takenBack: true, state: true,
        payment: { select: { userId: true, state: true, creditedAmount: true, creditedBonus: true, chargebackAmount: true } },
      },
    }),
    tx.affiliatePayout.findMany({ where: ids ? { affiliateId: { in: ids } } : {}, select: { id: true, affiliateId: true, kind: true, state: true, amount: true } }),
    tx.ledgerEntry.findMany({
      where: { OR: [{ kind: "affiliate_commission" }, { affiliatePayoutId: { not: null } }], ...(ids ? { userId: { in: ids } } : {}) },
      select: { id: true, userId: true, kind: true, amount: true, affiliatePayoutId: true },
    }),
  ]);
  const mismatches: LedgerMismatch[] = [];
  const fail = (userId: number, message: string, paymentId?: number) => mismatches.push({ check: "affiliate", userId, paymentId, message });

  const affiliateOf = new Map(referrals.map((r) => [r.referredId, r.affiliateId]));
  const byPayment = new Map(commissions.map((c) => [c.paymentId, c]));
  for (const p of payments) if (!byPayment.has(p.id)) fail(p.userId, `payment ${p.id} of a referred customer was credited without its commission`, p.id);

  const earnedBy = new Map<number, Decimal>();
  for (const c of commissions) {
    const at = (message: string) => fail(c.affiliateId, `commission ${c.id} (payment ${c.paymentId}): ${message}`, c.paymentId);
    const p = c.payment;
    if (!CREDITED_PAYMENT_STATES.includes(p.state)) at(`its payment is ${p.state}, never credited`);
    if (p.userId !== c.referredId) at(`its payment belongs to user ${p.userId}, not the referred ${c.referredId}`);
    if (affiliateOf.get(c.referredId) !== c.affiliateId) at(`user ${c.referredId} is not referred by ${c.affiliateId}`);
    const deposit = fromDb(c.deposit);
    if (!p.creditedAmount || !deposit.eq(fromDb(p.creditedAmount))) at(`deposit ${toLedgerString(deposit)} but the payment credited ${p.creditedAmount ? toLedgerString(p.creditedAmount) : "nothing"}`);
    const amount = fromDb(c.amount);
    const expected = commissionOf(deposit, fromDb(c.percent));
    if (!amount.eq(expected)) at(`amount ${toLedgerString(amount)} but ${c.percent.toFixed()} % of the deposit is ${toLedgerString(expected)}`);
    const credited = fromDb(p.creditedAmount ?? 0).plus(fromDb(p.creditedBonus ?? 0));
    const share = credited.gt(0) ? fromDb(p.chargebackAmount ?? 0).dividedBy(credited) : new Decimal(0);
    const takenBack = takenBackOf(amount, share);
    if (!fromDb(c.takenBack).eq(takenBack)) at(`took back ${toLedgerString(c.takenBack)} but its payment's chargebacks take back ${toLedgerString(takenBack)}`);
    // Voids and chargebacks may come after a payout (that much is owed), so payouts are held to all commission ever accrued.
    earnedBy.set(c.affiliateId, (earnedBy.get(c.affiliateId) ?? new Decimal(0)).plus(amount));
  }

  const entriesByPayout = new Map<number, typeof entries>();
  for (const e of entries) {
    if (e.kind !== "affiliate_commission" || e.affiliatePayoutId === null) {
      fail(e.userId, `entry ${e.id} (${e.kind}) names payout ${e.affiliatePayoutId ?? "none"}`);
      continue;
    }
    entriesByPayout.set(e.affiliatePayoutId, [...(entriesByPayout.get(e.affiliatePayoutId) ?? []), e]);
  }
  const paidBy = new Map<number, Decimal>();
  for (const payout of payouts) {
    const own = entriesByPayout.get(payout.id) ?? [];
    entriesByPayout.delete(payout.id);
    const amount = fromDb(payout.amount);
    const at = (message: string) => fail(payout.affiliateId, `payout ${payout.id}: ${message}`);
    if (payout.kind === "balance") {
      if (payout.state !== "paid") at(`a payout into the balance is ${payout.state}`);
      if (own.length !== 1) at(`${own.length} ledger entries (one expected)`);
      else if (own[0]!.userId !== payout.affiliateId || !fromDb(own[0]!.amount).eq(amount)) at(`entry ${own[0]!.id} of ${toLedgerString(own[0]!.amount)} for user ${own[0]!.userId}`);
    } else if (own.length) at(`a withdrawal has ${own.length} ledger entries`);
    if (payout.state !== "rejected") paidBy.set(payout.affiliateId, (paidBy.get(payout.affiliateId) ?? new Decimal(0)).plus(amount));
  }
  for (const [payoutId, own] of entriesByPayout) for (const e of own) fail(e.userId, `entry ${e.id} names payout ${payoutId}, which is not in scope or does not exist`);
  for (const [affiliateId, paid] of paidBy) {
    const earned = earnedBy.get(affiliateId) ?? new Decimal(0);
    if (paid.gt(earned)) fail(affiliateId, `paid out ${toLedgerString(paid)} but earned only ${toLedgerString(earned)} in commission`);
  }
  return mismatches;
}
