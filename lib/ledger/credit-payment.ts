// Money for payments: used only by lib/payments, always inside the transaction that moves the
// payment into its credited (or charged-back) state, so that a state and its money never disagree.
// The winner of the conditional state update credits; the partial unique indexes (one deposit,
// one bonus per payment, one chargeback per gateway report) stop anything that slips past.
import type { Decimal } from "@/lib/money";
import { applyBalanceChange } from "./balance-change";
import type { Tx } from "./transaction";

/** Credits a payment's deposit and, when there is one, its bonus. Returns the balance after. */
export async function creditPayment(
  tx: Tx,
  input: { customerId: number; paymentId: number; deposit: Decimal; bonus: Decimal; reason: string; actorId?: number | null },
): Promise<Decimal> {
  if (!input.deposit.gt(0) || input.bonus.lt(0)) throw new Error(`Payment ${input.paymentId}: deposit must be positive, bonus not negative`);
  const common = { customerId: input.customerId, paymentId: input.paymentId, actorId: input.actorId ?? null, reason: input.reason };
  let balance = await applyBalanceChange(tx, { ...common, kind: "deposit", amount: input.deposit });
  if (balance && input.bonus.gt(0)) balance = await applyBalanceChange(tx, { ...common, kind: "bonus", amount: input.bonus });
  if (!balance) throw new Error(`Payment ${input.paymentId} could not be credited`);
  return balance;
}

/**
 * Takes back one refund or dispute report (a PaymentReversal, whose amount this must equal).
 * Returns the balance after, or null when the balance does not cover it: nothing is written then
 * and the caller records it as owed.
 */
export function debitChargeback(
  tx: Tx,
  input: { customerId: number; paymentId: number; reversalId: number; amount: Decimal; reason: string; actorId?: number | null },
): Promise<Decimal | null> {
  if (!input.amount.gt(0)) throw new Error(`Chargeback for payment ${input.paymentId} must be positive`);
  return applyBalanceChange(tx, {
    customerId: input.customerId,
    kind: "chargeback",
    amount: input.amount.negated(),
    paymentId: input.paymentId,
    reversalId: input.reversalId,
    actorId: input.actorId ?? null,
    reason: input.reason,
  });
}
