// The payment half of ledger:verify: every credited payment has exactly one deposit of what it
// says it credited (and its bonus when it had one); its refund/dispute reports add up to what it
// records as taken back, never beyond what it credited, each taken back by at most one chargeback
// entry of exactly its amount (the rest is owed); no payment entry exists for a payment that was
// never credited or belongs to someone else.
import { CREDITED_PAYMENT_STATES } from "./payment-states";
import type { Tx } from "@/lib/ledger/transaction";
import { fromDb } from "@/lib/money/db-decimal";
import type { LedgerMismatch } from "@/lib/ledger/verify-ledger";
import { Decimal, toLedgerString } from "@/lib/money";

export async function verifyPayments(tx: Tx, options: { customerIds?: number[] }): Promise<{ mismatches: LedgerMismatch[]; payments: number }> {
  const ownerFilter = options.customerIds ? { userId: { in: options.customerIds } } : {};
  const [payments, entries] = await Promise.all([
    tx.payment.findMany({
      where: ownerFilter,
      select: {
        id: true, userId: true, state: true, creditedAmount: true, creditedBonus: true, chargebackAmount: true,
        reversals: { orderBy: { id: "asc" }, select: { id: true, eventKey: true, amount: true, totalAfter: true } },
      },
    }),
    tx.ledgerEntry.findMany({
      where: { ...ownerFilter, paymentId: { not: null } },
      select: { id: true, userId: true, kind: true, amount: true, paymentId: true, reversalId: true },
    }),
  ]);
  const mismatches: LedgerMismatch[] = [];
  const byPayment = new Map<number, typeof entries>();
  for (const e of entries) byPayment.set(e.paymentId!, [...(byPayment.get(e.paymentId!) ?? []), e]);

  for (const p of payments) {
    const own = byPayment.get(p.id) ?? [];
    byPayment.delete(p.id);
    const fail = (message: string) => mismatches.push({ check: "payment", userId: p.userId, paymentId: p.id, message: `payment ${p.id}: ${message}` });
    for (const e of own) if (e.userId !== p.userId) fail(`entry ${e.id} belongs to user ${e.userId}`);
    const of = (kind: string) => own.filter((e) => e.kind === kind);
    const [deposits, bonuses, chargebacks] = [of("deposit"), of("bonus"), of("chargeback")];
    const credited = CREDITED_PAYMENT_STATES.includes(p.state);
    if (!credited) {
      if (own.length) fail(`state ${p.state} but has ${own.map((e) => `${e.kind} ${toLedgerString(e.amount)}`).join(", ")}`);
      continue;
    }
    if (deposits.length !== 1) fail(`${deposits.length} deposit entries`);
    else if (!p.creditedAmount || !fromDb(deposits[0].amount).eq(fromDb(p.creditedAmount))) fail(`deposit ${toLedgerString(deposits[0].amount)} but credited ${p.creditedAmount ? toLedgerString(p.creditedAmount) : undefined}`);
    const bonus = p.creditedBonus ? fromDb(p.creditedBonus) : null;
    if (bonus?.gt(0)) {
      if (bonuses.length !== 1 || !fromDb(bonuses[0].amount).eq(bonus)) fail(`bonus should be ${toLedgerString(bonus)}, has ${bonuses.map((e) => toLedgerString(e.amount)).join(", ") || "none"}`);
    } else if (bonuses.length) fail(`no bonus applies but has ${bonuses.length}`);
    for (const problem of reversalProblems(p, chargebacks)) fail(problem);
  }
  // Entries naming a payment outside the scope (another customer's payment).
  for (const [paymentId, own] of byPayment) {
    for (const e of own) mismatches.push({ check: "payment", userId: e.userId, paymentId, entryId: e.id.toString(), message: `entry ${e.id} refers to payment ${paymentId} of another customer` });
  }
  return { mismatches, payments: payments.length };
}

type Money = { toFixed(): string };
type ReversalRow = { id: number; eventKey: string; amount: Money; totalAfter: Money };

/** Refund and dispute reports of one payment against its chargeback entries. */
function reversalProblems(
  p: { state: string; creditedAmount: Money | null; creditedBonus: Money | null; chargebackAmount: Money | null; reversals: ReversalRow[] },
  chargebacks: { id: bigint; amount: Money; reversalId: number | null }[],
): string[] {
  const problems: string[] = [];
  if ((p.reversals.length || chargebacks.length) && p.state !== "charged_back") problems.push(`${p.reversals.length} reversal(s) and ${chargebacks.length} chargeback entries while ${p.state}`);
  let total = new Decimal(0);
  const byReversal = new Map(p.reversals.map((r) => [r.id, r]));
  for (const r of p.reversals) {
    total = total.plus(fromDb(r.amount));
    if (!fromDb(r.totalAfter).eq(total)) problems.push(`reversal ${r.eventKey} says ${toLedgerString(r.totalAfter)} taken in all, the reports sum to ${toLedgerString(total)}`);
  }
  const credited = fromDb(p.creditedAmount ?? 0).plus(fromDb(p.creditedBonus ?? 0));
  if (total.gt(credited)) problems.push(`reversals take back ${toLedgerString(total)} of ${toLedgerString(credited)} credited`);
  if (!total.eq(fromDb(p.chargebackAmount ?? 0))) problems.push(`reversals take back ${toLedgerString(total)} but the payment records ${p.chargebackAmount ? toLedgerString(p.chargebackAmount) : "none"}`);
  const taken = new Set<number>();
  for (const e of chargebacks) {
    const r = e.reversalId === null ? undefined : byReversal.get(e.reversalId);
    if (!r) problems.push(`chargeback entry ${e.id} names no reversal of this payment`);
    else if (taken.has(r.id)) problems.push(`reversal ${r.eventKey} taken back twice (entry ${e.id})`);
    else if (!fromDb(e.amount).negated().eq(fromDb(r.amount))) problems.push(`chargeback entry ${e.id} of ${toLedgerString(e.amount)} for reversal ${r.eventKey} of ${toLedgerString(r.amount)}`);
    if (r) taken.add(r.id);
  }
  return problems;
}
