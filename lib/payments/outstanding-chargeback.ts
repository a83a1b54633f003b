// What a charged-back payment still owes: the amount the gateway took back, when it was not
// debited at the time (the balance did not cover it). One chargeback entry per payment
// (LedgerEntry_one_chargeback_per_payment), so it is owed whole or not at all.
import type { Decimal } from "@/lib/money";
import { fromDb } from "@/lib/money/db-decimal";

type ChargedBack = { state: string; chargebackAmount: { toFixed(): string } | null; ledgerEntries: { id: unknown }[] };

/** `ledgerEntries`: the payment's chargeback entries only. */
export function outstandingChargeback(payment: ChargedBack): Decimal | null {
  if (payment.state !== "charged_back" || !payment.chargebackAmount || payment.ledgerEntries.length) return null;
  const owed = fromDb(payment.chargebackAmount);
  return owed.gt(0) ? owed : null;
}
