// Admin decisions on payments: approve a manual payment (credits it once) or reject it, resolve a
// flagged one (credit what the admin decides, or refuse it), dismiss a note on a credited one, or
// take back a chargeback the balance could not cover when the gateway reported it.
// Staff are read-only. Each decision is a conditional state update (two admins racing: one wins),
// its money (lib/ledger), a PaymentEvent and an audit row, in one transaction.
import "server-only";
import type { StaffActor } from "@/lib/admin/authorize";
import { adminRefusal } from "@/lib/admin/authorize";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/connection";
import { debitChargeback } from "@/lib/ledger/credit-payment";
import { fromDb } from "@/lib/money/db-decimal";
import { moneyTransaction, type Tx } from "@/lib/ledger/transaction";
import { Decimal, LEDGER_SCALE, toLedgerString } from "@/lib/money";
import type { z } from "zod";
import { describeTwins, duplicateReferences } from "./duplicate-references";
import { movePayment } from "./move-payment";
import { owedReversals } from "./outstanding-chargeback";
import { fail, fieldRefusal, INVALID_FIELDS_MESSAGE, type Failure } from "@/lib/result";
import type { ZReviewPaymentInput } from "./schemas";

export type ReviewResult = { ok: true; state: string } | Failure;

/** `input` parsed by ZReviewPaymentInput at the boundary (the admin action). */
export async function reviewPayment(db: Db, actor: StaffActor, input: z.output<typeof ZReviewPaymentInput>): Promise<ReviewResult> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  const { paymentId, decision, reason, amount, confirmDuplicate } = input;
  return moneyTransaction(db, async (tx) => {
    const payment = await tx.payment.findUnique({ where: { id: paymentId } });
    if (!payment) return fail("not_found", "No such payment.");
    const reviewed = { reviewedById: actor.id, reviewReason: reason, reviewedAt: new Date() };
    const audit = (action: string, after: object) =>
      recordAudit(tx, { actorId: actor.id, action, entityType: "payment", entityId: payment.id, before: { state: payment.state, flag: payment.flag }, after, reason });
    const event = (outcome: string, message: string) =>
      tx.paymentEvent.create({ data: { paymentId: payment.id, gateway: payment.gateway, type: `admin.${decision}`, outcome, message: `${message} by admin #${actor.id}: ${reason}` } });

    if (decision === "collect") return collectChargeback(tx, payment, { audit, event, reviewed, reason });

    if (decision === "dismiss") {
      if (!payment.flag || payment.reviewedAt) return fail("nothing_to_review", "This payment has nothing to review.");
      await tx.payment.update({ where: { id: payment.id }, data: reviewed });
      await audit("payment.dismiss_flag", { flag: payment.flag });
      await event("noted", "flag dismissed");
      return { ok: true, state: payment.state };
    }
    // Waiting manual payments and flagged ones of any gateway are decided here; nothing else.
    const open = (payment.state === "waiting" && payment.gateway === "manual") || payment.state === "flagged";
    if (!open) return fail("nothing_to_review", `This payment is ${payment.state}: there is nothing to decide.`, { data: { state: payment.state } });

    if (decision === "reject") {
      const moved = await movePayment(tx, { id: payment.id, from: payment.state, to: "rejected", by: "admin", data: reviewed });
      if (!moved.moved) return fail("already_decided", "Someone else decided this payment first.");
      await audit("payment.reject", { state: "rejected" });
      await event("state", "rejected");
      return { ok: true, state: "rejected" };
    }

    // The same transfer reference on another credited or waiting payment: one transfer, credited twice?
    if (payment.gateway === "manual" && !confirmDuplicate) {
      const twins = (await duplicateReferences(tx, [payment.id])).get(payment.id);
      if (twins?.length) {
        const message = `The reference "${payment.reference}" is also on payment ${describeTwins(twins)}. Check it is another transfer, then tick the box to approve.`;
        return fieldRefusal("duplicate_reference", "confirmDuplicate", message);
      }
    }
    // A flagged payment is credited with what the admin says arrived (no bonus: the rule was for
    // the amount asked); a manual one with what was quoted, bonus included.
    const flagged = payment.state === "flagged";
    const deposit = flagged && amount ? new Decimal(amount) : fromDb(payment.creditAmount);
    if (deposit.decimalPlaces() > LEDGER_SCALE) return fieldRefusal("invalid_value", "amount", INVALID_FIELDS_MESSAGE, `Use at most ${LEDGER_SCALE} decimals.`);
    const bonus = flagged ? new Decimal(0) : fromDb(payment.bonusAmount);
    const moved = await movePayment(tx, {
      id: payment.id,
      from: payment.state,
      to: "paid",
      by: "admin",
      data: { creditedAmount: toLedgerString(deposit), creditedBonus: toLedgerString(bonus), paidAt: new Date(), ...reviewed },
      money: { reason: `Payment #${payment.id} approved: ${reason}`.slice(0, 500), actorId: actor.id },
    });
    if (!moved.moved) return fail("already_decided", "Someone else decided this payment first.");
    await audit("payment.approve", { state: "paid", deposit: toLedgerString(deposit), bonus: toLedgerString(bonus) });
    await event("credited", `credited ${toLedgerString(deposit)}${bonus.gt(0) ? ` + bonus ${toLedgerString(bonus)}` : ""}`);
    return { ok: true, state: "paid" };
  });
}

type Decided = {
  audit: (action: string, after: object) => Promise<unknown>;
  event: (outcome: string, message: string) => Promise<unknown>;
  reviewed: { reviewedById: number; reviewReason: string; reviewedAt: Date };
  reason: string;
};

/**
 * A charged-back payment whose take-backs were not debited (the balance did not cover them):
 * debit every owed report now, all of them or none, if the balance covers the total. The payment
 * row is locked first, so that two admins collect once; the database also allows one chargeback
 * entry per report.
 */
async function collectChargeback(tx: Tx, payment: { id: number; userId: number; state: string }, decided: Decided): Promise<ReviewResult> {
  await tx.$queryRaw`SELECT id FROM "Payment" WHERE id = ${payment.id} FOR UPDATE`;
  const locked = await tx.payment.findUniqueOrThrow({
    where: { id: payment.id },
    select: { state: true, flag: true, reversals: { orderBy: { id: "asc" }, select: { id: true, amount: true, ledgerEntries: { select: { id: true } } } } },
  });
  const owed = owedReversals(locked);
  if (!owed.length) {
    const taken = locked.reversals.some((r) => r.ledgerEntries.length);
    return fail("chargeback_not_owed", taken ? "This chargeback was already taken back." : "This payment has no chargeback to take back.");
  }
  const total = owed.reduce((sum, r) => sum.plus(fromDb(r.amount)), new Decimal(0));
  const reason = `Chargeback of payment #${payment.id} taken back: ${decided.reason}`.slice(0, 500);
  // The customer's row is locked too (after the payment's, as the webhooks do), so the balance read
  // here is the one the debits meet: all of them pass or none is tried.
  const [{ balance: now }] = await tx.$queryRaw<{ balance: string }[]>`SELECT balance::text AS balance FROM "User" WHERE id = ${payment.userId} FOR UPDATE`;
  if (new Decimal(now).lt(total)) {
    const balance = toLedgerString(new Decimal(now));
    return fail("balance_too_low", `The customer's balance (${balance}) does not cover ${toLedgerString(total)}: nothing was taken. Try again once it does, or adjust the balance.`, { data: { balance } });
  }
  let balance = new Decimal(now);
  for (const r of owed) {
    const after = await debitChargeback(tx, { customerId: payment.userId, paymentId: payment.id, reversalId: r.id, amount: fromDb(r.amount), reason, actorId: decided.reviewed.reviewedById });
    if (!after) throw new Error(`payment ${payment.id}: the locked balance did not cover a chargeback it was checked to cover`);
    balance = after;
  }
  // The flag said it was not debited; it now says what happened since.
  const flag = `${locked.flag ?? `Chargeback of payment #${payment.id}`}; taken back later: ${toLedgerString(total)}`;
  await tx.payment.update({ where: { id: payment.id }, data: { ...decided.reviewed, flag } });
  await decided.audit("payment.collect_chargeback", { chargeback: toLedgerString(total), balance: toLedgerString(balance) });
  await decided.event("charged_back", `took back ${toLedgerString(total)}`);
  return { ok: true, state: locked.state };
}
