// What a charged-back payment still owes: the refund and dispute reports whose take-back was not
// debited when the gateway sent them (the balance did not cover it). Each report is owed whole or
// not at all (one chargeback entry per report: LedgerEntry_one_chargeback_per_reversal).
import { Decimal } from "@/lib/money";
import { fromDb } from "@/lib/money/db-decimal";

type Reversal = { amount: { toFixed(): string }; ledgerEntries: { id: unknown }[] };
type ChargedBack = { state: string; reversals: Reversal[] };

/** The reports not taken back yet, with something to take. */
export function owedReversals<R extends Reversal>(payment: { state: string; reversals: R[] }): R[] {
  if (payment.state !== "charged_back") return [];
  return payment.reversals.filter((r) => !r.ledgerEntries.length && fromDb(r.amount).gt(0));
}

export function outstandingChargeback(payment: ChargedBack): Decimal | null {
  const owed = owedReversals(payment).reduce((sum, r) => sum.plus(fromDb(r.amount)), new Decimal(0));
  return owed.gt(0) ? owed : null;
}
