// The one function that changes Payment.state, and with it the money the move moves: a
// conditional update (WHERE state IN from) checked against the transition table
// (./payment-states.ts, mirrored by the database trigger), then, for the winner only, the table's
// money effect in the caller's transaction: a credit of the deposit and bonus written on the row,
// or the take-back of one refund/dispute report (a PaymentReversal, ./apply-reversal.ts) when the
// balance covers it. Of two racing movers (two callbacks, two admins) the loser matches nothing and
// moves no money; the partial unique indexes (one deposit, one bonus per payment, one chargeback
// per report) stop anything that slips past. The referring affiliate's commission moves with the
// money, in the same transaction: accrued with a credit, taken back in proportion with a chargeback
// (lib/affiliates/commissions.ts).
// lib/ledger/one-writer.test.ts checks that nothing else in the source writes Payment.state.
import type { Prisma } from "@/lib/db/generated/client";
import { accrueCommission, takeBackCommission } from "@/lib/affiliates/commissions";
import { creditPayment, debitChargeback } from "@/lib/ledger/credit-payment";
import type { Tx } from "@/lib/ledger/transaction";
import type { Decimal } from "@/lib/money";
import { fromDb } from "@/lib/money/db-decimal";
import { isListedPaymentTransition, paymentMoneyOnEntering, type PaymentActor, type PaymentState } from "./payment-states";

export type PaymentMove = {
  id: number;
  from: PaymentState | readonly PaymentState[];
  to: PaymentState;
  by: PaymentActor;
  /** Columns written with the state; a move into a credited state writes creditedAmount and creditedBonus here. */
  data?: Omit<Prisma.PaymentUpdateManyMutationInput, "state">;
  /**
   * The ledger entries' reason and who decided (an admin). A move into charged_back names the
   * report it takes back (already recorded as a PaymentReversal) and the amount owed for it.
   */
  money?: { reason: string; actorId?: number | null; reversal?: { id: number; amount: Decimal } };
};

/**
 * moved false: the payment was no longer in `from` (nothing written). balance: the customer's
 * balance after the credit or take-back; null when a take-back was not covered (nothing debited:
 * the caller flags the payment) or the move moved no money.
 */
export type PaymentMoveResult = { moved: false } | { moved: true; userId: number; money: "credit" | "chargeback" | "none"; balance: Decimal | null };

export async function movePayment(tx: Tx, move: PaymentMove): Promise<PaymentMoveResult> {
  const from = typeof move.from === "string" ? [move.from] : [...move.from];
  const unlisted = from.filter((state) => !isListedPaymentTransition(state, move.to, move.by));
  if (unlisted.length) throw new Error(`payment transition ${unlisted.join("|")} → ${move.to} by ${move.by} is not in the transition table`);
  const money = paymentMoneyOnEntering(move.to);
  if (money !== "none" && !move.money) throw new Error(`entering ${move.to} moves money: give its reason`);
  const [row] = await tx.payment.updateManyAndReturn({
    where: { id: move.id, state: { in: from } },
    data: { ...move.data, state: move.to },
    select: { userId: true, creditedAmount: true, creditedBonus: true },
  });
  if (!row) return { moved: false };
  const base = { paymentId: move.id, customerId: row.userId, reason: move.money?.reason ?? "" };
  if (money === "credit") {
    if (!row.creditedAmount) throw new Error(`payment ${move.id}: ${move.to} needs creditedAmount`);
    const deposit = fromDb(row.creditedAmount);
    const balance = await creditPayment(tx, { ...base, deposit, bonus: fromDb(row.creditedBonus ?? 0), actorId: move.money?.actorId ?? null });
    await accrueCommission(tx, { paymentId: move.id, customerId: row.userId, deposit });
    return { moved: true, userId: row.userId, money, balance };
  }
  if (money === "chargeback") {
    const reversal = move.money?.reversal;
    if (!reversal) throw new Error(`payment ${move.id}: ${move.to} takes back a report: name its PaymentReversal`);
    // The commission loses the deposit's reported share whether or not the balance covers the take-back.
    await takeBackCommission(tx, move.id);
    if (!reversal.amount.gt(0)) return { moved: true, userId: row.userId, money: "none", balance: null };
    const balance = await debitChargeback(tx, { ...base, reversalId: reversal.id, amount: reversal.amount, actorId: move.money?.actorId ?? null });
    return { moved: true, userId: row.userId, money, balance };
  }
  return { moved: true, userId: row.userId, money: "none", balance: null };
}
