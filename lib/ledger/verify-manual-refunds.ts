// verifyLedger's check of the admin's money kinds on orders (refund_manual): one per order, only
// on a completed or partial order, and all refunds together never more than the charge. Kept
// apart from verify-ledger.ts so that file gains one call, not a second set of rules.
import type { Decimal } from "@/lib/money";
import { MANUAL_REFUND_STATES } from "./refund-manual";
import { toLedgerString } from "@/lib/money";

type Entry = { kind: string; amount: { toFixed(): string } };
const REFUND_KINDS = new Set(["refund_failed", "refund_partial", "refund_canceled", "refund_manual"]);

/** Problems with an order's manual refund, as messages (empty when there is none or it is right). */
export function manualRefundProblems(order: { state: string; charge: Decimal }, entries: Entry[], dec: (v: { toFixed(): string }) => Decimal): string[] {
  const manual = entries.filter((e) => e.kind === "refund_manual");
  if (manual.length === 0) return [];
  const problems: string[] = [];
  if (manual.length > 1) problems.push(`${manual.length} manual refunds`);
  if (!(MANUAL_REFUND_STATES as readonly string[]).includes(order.state)) problems.push(`manual refund on a ${order.state} order`);
  const refunded = entries.filter((e) => REFUND_KINDS.has(e.kind)).reduce((sum, e) => sum.plus(dec(e.amount)), order.charge.minus(order.charge));
  if (refunded.gt(order.charge)) problems.push(`refunded ${toLedgerString(refunded)} of a charge of ${toLedgerString(order.charge)}`);
  return problems;
}
