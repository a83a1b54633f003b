// Refunds and disputes of a credited payment. Gateways report refunds cumulatively (Stripe's
// charge.refunded carries amount_refunded so far) and disputes one by one, so each report is
// turned into "what is taken back in all now" and only the part beyond what earlier reports
// already took back is debited. Each report is recorded once as a PaymentReversal (unique per
// payment and report key), its chargeback entry names it, and a trigger keeps the running total
// within what the payment credited. What the balance cannot cover is owed: the report is kept
// without an entry, the payment flagged, and an admin takes it back later (review-payment.ts).
import type { Tx } from "@/lib/ledger/transaction";
import { Decimal, LEDGER_SCALE, toLedgerString } from "@/lib/money";
import { fromDb } from "@/lib/money/db-decimal";
import type { GatewayReport } from "./gateway";
import { movePayment } from "./move-payment";

type Reversed = Extract<GatewayReport, { kind: "reversed" }>;
type Outcome = "charged_back" | "flagged" | "duplicate" | "ignored" | "noted";

export async function applyReversal<R>(tx: Tx, paymentId: number, report: Reversed, log: (outcome: Outcome, message: string) => Promise<R>, reported: { reportedStatus: string }): Promise<R> {
  // Reports of one payment queue here (and the trigger takes the same lock).
  await tx.$queryRaw`SELECT id FROM "Payment" WHERE id = ${paymentId} FOR UPDATE`;
  const payment = await tx.payment.findUniqueOrThrow({
    where: { id: paymentId },
    select: { id: true, userId: true, state: true, payAmount: true, creditedAmount: true, creditedBonus: true, chargebackAmount: true },
  });
  const key = report.key.slice(0, 200);
  if (payment.state !== "paid" && payment.state !== "charged_back") {
    return log("duplicate", `${report.reason} reported while the payment is ${payment.state}: nothing changed`);
  }
  const seen = await tx.paymentReversal.findUnique({ where: { paymentId_eventKey: { paymentId, eventKey: key } }, select: { id: true } });
  if (seen) return log("duplicate", `${report.reason} ${key} was already applied: nothing changed`);

  const of = report.of ?? fromDb(payment.payAmount);
  if (report.amount.lt(0) || !of.gt(0)) return log("ignored", `reversal of ${report.amount.toFixed()}: nothing to take back`);
  const earlier = await tx.paymentReversal.findMany({ where: { paymentId }, select: { kind: true, reported: true } });
  // Refunds: the largest cumulative total reported; disputes: each one adds its own amount.
  let refunded = report.reversal === "refund" ? report.amount : new Decimal(0);
  let disputed = report.reversal === "dispute" ? report.amount : new Decimal(0);
  for (const r of earlier) {
    if (r.kind === "refund") refunded = Decimal.max(refunded, fromDb(r.reported));
    else disputed = disputed.plus(fromDb(r.reported));
  }
  const credited = fromDb(payment.creditedAmount ?? 0).plus(fromDb(payment.creditedBonus ?? 0));
  // A partial reversal takes back the same share of the deposit and its bonus; never more than both.
  const share = Decimal.min(refunded.plus(disputed).dividedBy(of), 1);
  const target = credited.times(share).toDecimalPlaces(LEDGER_SCALE, Decimal.ROUND_HALF_EVEN);
  const before = fromDb(payment.chargebackAmount ?? 0);
  const amount = Decimal.max(target.minus(before), 0);
  const totalAfter = before.plus(amount);

  const reversal = await tx.paymentReversal.create({
    data: { paymentId, eventKey: key, kind: report.reversal, reported: toLedgerString(report.amount), amount: toLedgerString(amount), totalAfter: toLedgerString(totalAfter) },
    select: { id: true },
  });
  const reason = `${report.reason} of payment #${paymentId}`;
  // The state and the take-back go the one road (movePayment): paid or charged_back → charged_back,
  // debiting this report's amount (named by its PaymentReversal) when the balance covers it.
  const moved = await movePayment(tx, {
    id: paymentId,
    from: ["paid", "charged_back"],
    to: "charged_back",
    by: "gateway",
    data: { ...reported, chargebackAmount: totalAfter.gt(0) ? toLedgerString(totalAfter) : null },
    money: { reason, reversal: { id: reversal.id, amount } },
  });
  if (!moved.moved) throw new Error(`payment ${paymentId}: locked in ${payment.state} yet did not move to charged_back`);
  if (!amount.gt(0)) return log("noted", `${reason}: already taken back ${toLedgerString(before)}, nothing more`);
  if (moved.balance) return log("charged_back", `${reason}: debited ${toLedgerString(amount)}${before.gt(0) ? ` (${toLedgerString(totalAfter)} in all)` : ""}`);
  const flag = `${reason}: ${toLedgerString(amount)} not debited, the balance does not cover it`;
  await tx.payment.update({ where: { id: paymentId }, data: { flag, reviewedAt: null } });
  return log("flagged", flag);
}
