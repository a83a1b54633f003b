// The only place that changes User.balance. Each change and its ledger entry happen in the
// caller's transaction; the conditional UPDATE takes the row lock, so concurrent changes to one
// customer queue here and entry ids follow the order in which balances changed.
import type { LedgerKind } from "@/lib/db/generated/enums";
import { Decimal, LEDGER_SCALE } from "@/lib/money";
import type { Tx } from "./transaction";

type BalanceChange = {
  customerId: number;
  kind: LedgerKind;
  /** Signed: positive adds to the balance, negative takes from it. */
  amount: Decimal;
  orderId?: number | null;
  /** deposit, bonus and chargeback entries: the payment they belong to. */
  paymentId?: number | null;
  actorId?: number | null;
  reason?: string | null;
};

/**
 * Applies the change and writes its ledger entry. Returns the balance after it, or null when a
 * debit would take the balance below zero (nothing is written then).
 */
export async function applyBalanceChange(tx: Tx, change: BalanceChange): Promise<Decimal | null> {
  const amount = change.amount.toFixed(LEDGER_SCALE);
  // `balance + amount >= 0` makes the debit conditional; credits always pass it.
  const rows = await tx.$queryRaw<{ balance: string }[]>`
    UPDATE "User" SET balance = balance + ${amount}::numeric, "updatedAt" = now()
    WHERE id = ${change.customerId} AND balance + ${amount}::numeric >= 0
    RETURNING balance::text AS balance`;
  if (rows.length === 0) return null;
  const balanceAfter = new Decimal(rows[0].balance);
  await tx.ledgerEntry.create({
    data: {
      userId: change.customerId,
      kind: change.kind,
      amount,
      balanceAfter: balanceAfter.toFixed(LEDGER_SCALE),
      orderId: change.orderId ?? null,
      paymentId: change.paymentId ?? null,
      actorId: change.actorId ?? null,
      reason: change.reason ?? null,
    },
  });
  return balanceAfter;
}
