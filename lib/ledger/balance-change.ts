// The only place that changes User.balance. Each change and its ledger entry happen in the
// caller's transaction; the conditional UPDATE takes the row lock, so concurrent changes to one
// customer queue here and entry ids follow the order in which balances changed.
import { Prisma } from "@/lib/db/generated/client";
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
  /** chargeback entries: the gateway report (PaymentReversal) they take back. */
  reversalId?: number | null;
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
      reversalId: change.reversalId ?? null,
      actorId: change.actorId ?? null,
      reason: change.reason ?? null,
    },
  });
  return balanceAfter;
}

/**
 * Credits (refunds, never debits) as CTEs for one statement, so a batch of settled orders and
 * their refunds commit together in one round trip. `onlyOrdersIn` names a CTE of the caller
 * (rows with an `id`): only changes for those orders apply (the orders that really moved). The
 * customers' rows are locked in id order (concurrent batches never deadlock), each balance is
 * raised by its customer's total, and each change gets its own ledger entry whose balance after
 * follows the order given, exactly as if they had been applied one by one. The last CTE,
 * `credited`, has one row per entry written.
 */
export function creditCtes(changes: BalanceChange[], onlyOrdersIn?: string): Prisma.Sql {
  for (const change of changes) {
    if (change.amount.lt(0)) throw new Error(`credits only (order ${change.orderId}: ${change.amount.toFixed()})`);
  }
  const only = onlyOrdersIn ? Prisma.sql`WHERE c.order_id IN (SELECT id FROM ${Prisma.raw(`"${onlyOrdersIn.replaceAll('"', "")}"`)})` : Prisma.empty;
  return Prisma.sql`
    credit_changes AS (
      SELECT * FROM unnest(
        ${changes.map((c) => c.customerId)}::int[],
        ${changes.map((c) => c.kind)}::text[],
        ${changes.map((c) => c.amount.toFixed(LEDGER_SCALE))}::numeric[],
        ${changes.map((c) => c.orderId ?? null)}::int[],
        ${changes.map((c) => c.actorId ?? null)}::int[],
        ${changes.map((c) => c.reason ?? null)}::text[]
      ) WITH ORDINALITY AS c(user_id, kind, amount, order_id, actor_id, reason, position)
      ${only}
    ),
    credit_totals AS (SELECT user_id, SUM(amount) AS total FROM credit_changes GROUP BY user_id),
    credit_locked AS (SELECT id FROM "User" WHERE id IN (SELECT user_id FROM credit_totals) ORDER BY id FOR UPDATE),
    credit_raised AS (
      UPDATE "User" u SET balance = u.balance + t.total, "updatedAt" = now()
      FROM credit_totals t WHERE u.id = t.user_id AND u.id IN (SELECT id FROM credit_locked)
      RETURNING u.id, u.balance - t.total AS before
    ),
    credited AS (
      INSERT INTO "LedgerEntry" ("userId", kind, amount, "balanceAfter", "orderId", "actorId", reason)
      SELECT c.user_id, c.kind::"LedgerKind", c.amount,
             r.before + SUM(c.amount) OVER (PARTITION BY c.user_id ORDER BY c.position),
             c.order_id, c.actor_id, c.reason
      FROM credit_changes c JOIN credit_raised r ON r.id = c.user_id
      ORDER BY c.position
      RETURNING 1
    )`;
}
