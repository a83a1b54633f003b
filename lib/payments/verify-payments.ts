// The payment half of ledger:verify: every credited payment has exactly one deposit of what it
// says it credited (and its bonus when it had one), at most one chargeback of its recorded amount,
// and no payment entry exists for a payment that was never credited or belongs to someone else.
import type { Tx } from "@/lib/ledger/transaction";
import { fromDb } from "@/lib/money/db-decimal";
import type { LedgerMismatch } from "@/lib/ledger/verify-ledger";
import { toLedgerString } from "@/lib/money";

export async function verifyPayments(tx: Tx, options: { customerIds?: number[] }): Promise<{ mismatches: LedgerMismatch[]; payments: number }> {
  const ownerFilter = options.customerIds ? { userId: { in: options.customerIds } } : {};
  const [payments, entries] = await Promise.all([
    tx.payment.findMany({
      where: ownerFilter,
      select: { id: true, userId: true, state: true, creditedAmount: true, creditedBonus: true, chargebackAmount: true },
    }),
    tx.ledgerEntry.findMany({
      where: { ...ownerFilter, paymentId: { not: null } },
      select: { id: true, userId: true, kind: true, amount: true, paymentId: true },
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
    const credited = p.state === "paid" || p.state === "charged_back";
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
    if (chargebacks.length) {
      if (p.state !== "charged_back") fail(`chargeback entry while ${p.state}`);
      else if (!p.chargebackAmount || !fromDb(chargebacks[0].amount).negated().eq(fromDb(p.chargebackAmount))) fail(`chargeback ${toLedgerString(chargebacks[0].amount)} but recorded ${p.chargebackAmount ? toLedgerString(p.chargebackAmount) : undefined}`);
    }
  }
  // Entries naming a payment outside the scope (another customer's payment).
  for (const [paymentId, own] of byPayment) {
    for (const e of own) mismatches.push({ check: "payment", userId: e.userId, paymentId, entryId: e.id.toString(), message: `entry ${e.id} refers to payment ${paymentId} of another customer` });
  }
  return { mismatches, payments: payments.length };
}
