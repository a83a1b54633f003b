// Recomputes every balance from the ledger and checks each order's money against its state.
// Reads one snapshot, so orders being placed meanwhile never show up half-written.
import type { Db } from "@/lib/db/connection";
import { Decimal, LEDGER_SCALE } from "@/lib/money";
import { fromDb } from "@/lib/money/db-decimal";
import { expectedRefund } from "./expected-refund";
import { snapshotTransaction } from "./transaction";
import { verifyPayments } from "@/lib/payments/verify-payments";

export type LedgerMismatch = {
  check: "balance" | "chain" | "charge" | "refund" | "owner" | "payment";
  userId: number;
  orderId?: number;
  paymentId?: number;
  entryId?: string;
  message: string;
};

export type LedgerTotals = {
  credits: Decimal;
  adjustments: Decimal;
  balances: Decimal;
  charges: Decimal;
  refunds: Decimal;
  /** credits + adjustments = balances + charges − refunds */
  conserved: boolean;
};

export type LedgerReport = { ok: boolean; mismatches: LedgerMismatch[]; totals: LedgerTotals; customers: number; orders: number };

const REFUND_KINDS = new Set(["refund_failed", "refund_partial", "refund_canceled"]);
const dec = fromDb;

/** `customerIds` limits the check to those customers (tests share one database). */
export async function verifyLedger(db: Db, options: { customerIds?: number[] } = {}): Promise<LedgerReport> {
  const userFilter = options.customerIds ? { id: { in: options.customerIds } } : {};
  const ownerFilter = options.customerIds ? { userId: { in: options.customerIds } } : {};
  const { users, entries, orders, payments } = await snapshotTransaction(db, async (tx) => ({
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
  }));

  const mismatches: LedgerMismatch[] = [...payments.mismatches];
  const zero = () => new Decimal(0);
  const totals: LedgerTotals = { credits: zero(), adjustments: zero(), balances: zero(), charges: zero(), refunds: zero(), conserved: false };
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
    if (entry.kind === "credit") totals.credits = totals.credits.plus(amount);
    else if (entry.kind === "adjustment") totals.adjustments = totals.adjustments.plus(amount);
    else if (entry.kind === "charge") totals.charges = totals.charges.minus(amount);
    else totals.refunds = totals.refunds.plus(amount);
    if (entry.orderId !== null) byOrder.set(entry.orderId, [...(byOrder.get(entry.orderId) ?? []), entry]);
  }

  for (const user of users) {
    const balance = dec(user.balance);
    totals.balances = totals.balances.plus(balance);
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

  totals.conserved = totals.credits.plus(totals.adjustments).eq(totals.balances.plus(totals.charges).minus(totals.refunds));
  return { ok: mismatches.length === 0 && totals.conserved, mismatches, totals, customers: users.length, orders: orders.length };
}
