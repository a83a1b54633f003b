// The only code that writes User.balance: `balanceChangeCtes`, the SQL every balance change runs
// (a placement's debit, a batch of refunds, a deposit, an admin's credit …). Each change and its
// ledger entry are written by the same statement: the customers' rows are locked in id order (so
// concurrent batches never deadlock), each balance moves by its customer's total only if it stays
// at or above zero (debits are conditional), and each change gets its own entry whose balance after
// follows the order given, exactly as if they had been applied one by one. The database holds
// everyone else to the same (migration 20261208000000_one_road_for_money): an entry's balanceAfter
// must be the previous entry's plus its amount, and a balance that moves without a matching last
// entry is refused at commit. lib/ledger/one-writer.test.ts checks that no other source writes it.
import { Prisma } from "@/lib/db/generated/client";
import type { LedgerKind } from "@/lib/db/generated/enums";
import { Decimal, LEDGER_SCALE } from "@/lib/money";
import type { Tx } from "./transaction";

export type BalanceChange = {
  customerId: number;
  kind: LedgerKind;
  /** Signed: positive adds to the balance, negative takes from it. */
  amount: Decimal;
  orderId?: number | null;
  /** deposit, bonus and chargeback entries: the payment they belong to. */
  paymentId?: number | null;
  /** chargeback entries: the gateway report (PaymentReversal) they take back. */
  reversalId?: number | null;
  /** affiliate_commission entries: the payout (AffiliatePayout) that moves commission into the balance. */
  affiliatePayoutId?: number | null;
  actorId?: number | null;
  reason?: string | null;
};

/**
 * The balance changes of one statement, as CTEs after the caller's own. `changes` is a SELECT of
 * rows (user_id int, kind text, amount numeric, order_id int, payment_id int, reversal_id int,
 * affiliate_payout_id int, actor_id int, reason text, position bigint). A customer whose total would take the balance below zero gets
 * nothing (no change, no entries). Names it defines: `balance_moved` (id, before, after: one row
 * per customer whose balance moved) and `balance_entries` (user_id, order_id, kind, amount,
 * balance_after: one row per entry written).
 */
export function balanceChangeCtes(changes: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    balance_changes AS (${changes}),
    balance_totals AS (SELECT user_id, SUM(amount) AS total FROM balance_changes GROUP BY user_id),
    balance_locked AS (SELECT id FROM "User" WHERE id IN (SELECT user_id FROM balance_totals) ORDER BY id FOR UPDATE),
    balance_moved AS (
      UPDATE "User" u SET balance = u.balance + t.total, "updatedAt" = now()
      FROM balance_totals t
      WHERE u.id = t.user_id AND u.id IN (SELECT id FROM balance_locked) AND u.balance + t.total >= 0
      RETURNING u.id, u.balance - t.total AS before, u.balance AS after
    ),
    balance_entries AS (
      INSERT INTO "LedgerEntry" ("userId", kind, amount, "balanceAfter", "orderId", "paymentId", "reversalId", "affiliatePayoutId", "actorId", reason)
      SELECT c.user_id, c.kind::"LedgerKind", c.amount,
             m.before + SUM(c.amount) OVER (PARTITION BY c.user_id ORDER BY c.position),
             c.order_id, c.payment_id, c.reversal_id, c.affiliate_payout_id, c.actor_id, c.reason
      FROM balance_changes c JOIN balance_moved m ON m.id = c.user_id
      ORDER BY c.position
      RETURNING "userId" AS user_id, "orderId" AS order_id, kind::text AS kind, amount, "balanceAfter" AS balance_after
    )`;
}

/** A list of changes as the SELECT `balanceChangeCtes` reads (one JSON parameter). */
export function balanceChangeRows(changes: BalanceChange[]): Prisma.Sql {
  const rows = changes.map((c, position) => ({
    user_id: c.customerId,
    kind: c.kind,
    amount: c.amount.toFixed(LEDGER_SCALE),
    order_id: c.orderId ?? null,
    payment_id: c.paymentId ?? null,
    reversal_id: c.reversalId ?? null,
    affiliate_payout_id: c.affiliatePayoutId ?? null,
    actor_id: c.actorId ?? null,
    reason: c.reason ?? null,
    position,
  }));
  return Prisma.sql`SELECT * FROM json_to_recordset(${JSON.stringify(rows)}::json)
    AS c(user_id int, kind text, amount numeric, order_id int, payment_id int, reversal_id int, affiliate_payout_id int, actor_id int, reason text, position bigint)`;
}

/**
 * Applies one change and writes its ledger entry, in the caller's transaction. Returns the balance
 * after it, or null when a debit would take the balance below zero (nothing is written then).
 */
export async function applyBalanceChange(tx: Tx, change: BalanceChange): Promise<Decimal | null> {
  const rows = await tx.$queryRaw<{ after: string }[]>`
    WITH ${balanceChangeCtes(balanceChangeRows([change]))}
    SELECT balance_after::text AS after FROM balance_entries`;
  return rows.length ? new Decimal(rows[0]!.after) : null;
}
