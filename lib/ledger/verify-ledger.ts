// Recomputes every balance from the ledger and checks each order's money against its state.
// Reads one snapshot, so orders being placed meanwhile never show up half-written.
import type { Db } from "@/lib/db/connection";
import { LedgerKind } from "@/lib/db/generated/enums";
import { Decimal, LEDGER_SCALE } from "@/lib/money";
import { fromDb } from "@/lib/money/db-decimal";
import { expectedRefund } from "./expected-refund";
import { snapshotTransaction } from "./transaction";
import { verifyPayments } from "@/lib/payments/verify-payments";
import { verifyAffiliates } from "@/lib/affiliates/verify-affiliates";
import { manualRefundProblems } from "./verify-manual-refunds";

export type LedgerMismatch = {
  check: "balance" | "chain" | "charge" | "refund" | "owner" | "payment" | "affiliate";
  userId: number;
  orderId?: number;
  paymentId?: number;
  entryId?: string;
  message: string;
};

/**
 * Sums over the entries in scope. `byKind` is each ledger kind's signed sum (credits positive,
 * charges negative); the named fields group them for the conservation check:
 * money in (credits, deposits, bonuses, adjustments, affiliate commission) − money out by staff or gateways (debits,
 * chargebacks) = balances + charges − order refunds.
 */
export type LedgerTotals = {
  byKind: Record<LedgerKind, Decimal>;
  /** Credits an admin added (kind credit). */
  credits: Decimal;
  /** Payments: deposits and their bonuses. */
  deposits: Decimal;
  bonuses: Decimal;
  /** Signed adjustments. */
  adjustments: Decimal;
  /** Affiliate commission paid out into balances. */
  affiliateCommissions: Decimal;
  /** Taken out, as positive amounts: admin debits and gateway chargebacks. */
  debits: Decimal;
  chargebacks: Decimal;
  balances: Decimal;
  charges: Decimal;
  /** Order refunds of every kind (failed, partial, canceled, manual). */
  refunds: Decimal;
  conserved: boolean;
};

export type LedgerReport = { ok: boolean; mismatches: LedgerMismatch[]; totals: LedgerTotals; customers: number; orders: number };

const REFUND_KINDS = new Set(["refund_failed", "refund_partial", "refund_canceled"]);
const LEDGER_KINDS = Object.values(LedgerKind);
const dec = fromDb;

/** `customerIds` limits the check to those customers (tests share one database). */
export async function verifyLedger(db: Db, options: { customerIds?: number[] } = {}): Promise<LedgerReport> {
  const userFilter = options.customerIds ? { id: { in: options.customerIds } } : {};
  const ownerFilter = options.customerIds ? { userId: { in: options.customerIds } } : {};
  const { users, entries, orders, payments, affiliates } = await snapshotTransaction(db, async (tx) => ({
    users: await tx.user.findMany({ where: userFilter, select: { id: true, balance: true } }),
    entries: await tx.ledgerEntry.findMany({
      where: ownerFilter,
      orderBy: [{ userId: "asc" }, { id: "asc" }],
      select: { id: true, userId: true, kind: true, amount: true, balanceAfter: true, orderId: true },
    }),
    orders: await tx.order.findMany({
      where: ownerFilter,
      select: { id: true, userId: true, state: true, charge: true, quantity: true, remains: true },
    }),
    payments: await verifyPayments(tx, options),
    affiliates: await verifyAffiliates(tx, options),
  }));

  const mismatches: LedgerMismatch[] = [...payments.mismatches, ...affiliates];
  const zero = () => new Decimal(0);
  const byKind = Object.fromEntries(LEDGER_KINDS.map((kind) => [kind, zero()])) as Record<LedgerKind, Decimal>;
  let balances = zero();
  const running = new Map<number, Decimal>();
  const byOrder = new Map<number, typeof entries>();

  for (const entry of entries) {
    const amount = dec(entry.amount);
    const before = running.get(entry.userId) ?? zero();
    const after = before.plus(amount);
    running.set(entry.userId, after);
    if (!after.eq(dec(entry.balanceAfter))) {
      mismatches.push({
        check: "chain",
        userId: entry.userId,
        entryId: entry.id.toString(),
        message: `entry ${entry.id} says balance after ${entry.balanceAfter} but the entries sum to ${after.toFixed(LEDGER_SCALE)}`,
      });
    }
    byKind[entry.kind] = byKind[entry.kind].plus(amount);
    if (entry.orderId !== null) byOrder.set(entry.orderId, [...(byOrder.get(entry.orderId) ?? []), entry]);
  }

  for (const user of users) {
    const balance = dec(user.balance);
    balances = balances.plus(balance);
    const fromEntries = running.get(user.id) ?? zero();
    if (!balance.eq(fromEntries)) {
      mismatches.push({
        check: "balance",
        userId: user.id,
        message: `balance ${balance.toFixed(LEDGER_SCALE)} but the ledger sums to ${fromEntries.toFixed(LEDGER_SCALE)}`,
      });
    }
  }

  for (const order of orders) {
    const own = byOrder.get(order.id) ?? [];
    byOrder.delete(order.id);
    const charge = dec(order.charge);
    const mismatch = (check: LedgerMismatch["check"], message: string) =>
      mismatches.push({ check, userId: order.userId, orderId: order.id, message: `order ${order.id}: ${message}` });
    for (const entry of own) if (entry.userId !== order.userId) mismatch("owner", `entry ${entry.id} belongs to user ${entry.userId}`);

    const charges = own.filter((e) => e.kind === "charge");
    if (charges.length !== 1) mismatch("charge", `${charges.length} charge entries`);
    else if (!dec(charges[0].amount).eq(charge.negated())) mismatch("charge", `charged ${charges[0].amount} for a charge of ${charge.toFixed(LEDGER_SCALE)}`);

    for (const problem of manualRefundProblems({ state: order.state, charge }, own, dec)) mismatch("refund", problem);
    const refunds = own.filter((e) => REFUND_KINDS.has(e.kind));
    const expected = expectedRefund({ state: order.state, charge, quantity: order.quantity, remains: order.remains });
    if (!expected) {
      if (refunds.length) mismatch("refund", `state ${order.state} but refunded ${refunds.map((e) => `${e.kind} ${e.amount}`).join(", ")}`);
    } else if (!expected.amount) {
      mismatch("refund", `state ${order.state} without remains: its refund cannot be checked`);
    } else if (refunds.length !== 1 || refunds[0].kind !== expected.kind || !dec(refunds[0].amount).eq(expected.amount)) {
      const got = refunds.map((e) => `${e.kind} ${e.amount}`).join(", ") || "nothing";
      mismatch("refund", `state ${order.state} should have ${expected.kind} ${expected.amount.toFixed(LEDGER_SCALE)}, has ${got}`);
    }
  }
  // Entries pointing at orders outside the scope (another customer's order) are owner mismatches.
  for (const [orderId, own] of byOrder) {
    for (const entry of own) {
      mismatches.push({ check: "owner", userId: entry.userId, orderId, entryId: entry.id.toString(), message: `entry ${entry.id} refers to order ${orderId} of another customer` });
    }
  }

  const totals = ledgerTotals(byKind, balances);
  return { ok: mismatches.length === 0 && totals.conserved, mismatches, totals, customers: users.length, orders: orders.length };
}

function ledgerTotals(byKind: Record<LedgerKind, Decimal>, balances: Decimal): LedgerTotals {
  const t = {
    byKind,
    credits: byKind.credit,
    deposits: byKind.deposit,
    bonuses: byKind.bonus,
    adjustments: byKind.adjustment,
    affiliateCommissions: byKind.affiliate_commission,
    debits: byKind.debit.negated(),
    chargebacks: byKind.chargeback.negated(),
    balances,
    charges: byKind.charge.negated(),
    refunds: byKind.refund_failed.plus(byKind.refund_partial).plus(byKind.refund_canceled).plus(byKind.refund_manual),
  };
  const moneyIn = t.credits.plus(t.deposits).plus(t.bonuses).plus(t.adjustments).plus(t.affiliateCommissions).minus(t.debits).minus(t.chargebacks);
  return { ...t, conserved: moneyIn.eq(balances.plus(t.charges).minus(t.refunds)) };
}
