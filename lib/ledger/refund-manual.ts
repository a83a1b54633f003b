// An admin gives back (part of) what an order was charged, with a reason: a complaint about a
// completed order, or more than the Partial formula returned. Only for final orders that kept
// money (completed, partial): failed and canceled ones are refunded in full already, and an order
// in flight could still get an automatic refund that would stack. At most what is left of the
// charge, once per order — the database enforces both (the (orderId, kind) unique and the
// LedgerEntry_refund_limit trigger); this function checks first to answer with a clear message.
import { z } from "zod";
import type { Db } from "@/lib/db/connection";
import { recordAudit } from "@/lib/audit/record-audit";
import { Decimal, LEDGER_SCALE, parseDecimal, toLedgerString } from "@/lib/money";
import { fail, fieldRefusal, type Failure } from "@/lib/result";
import { applyBalanceChange } from "./balance-change";
import { moneyTransaction } from "./transaction";

export const MANUAL_REFUND_STATES = ["completed", "partial"] as const;
const REFUND_KINDS = ["refund_failed", "refund_partial", "refund_canceled", "refund_manual"] as const;

export const ZManualRefundInput = z.object({
  orderId: z.coerce.number().int().positive().max(2_147_483_647),
  amount: z
    .string()
    .trim()
    .refine((text) => parseDecimal(text) !== null, "Enter an amount such as 1.50.")
    .refine((text) => (parseDecimal(text)?.decimalPlaces() ?? 0) <= LEDGER_SCALE, `Use at most ${LEDGER_SCALE} decimals.`)
    .refine((text) => parseDecimal(text)?.gt(0) ?? false, "The amount must be more than zero."),
  reason: z.string().trim().min(1, "Say why the order is refunded.").max(500, "Use at most 500 characters."),
});
export type ManualRefundInput = z.output<typeof ZManualRefundInput>;

export type ManualRefundResult = { ok: true; refunded: string; balance: string } | Failure;

/** What is left to refund: the charge entry minus every refund entry of the order. */
export async function refundableOf(db: Pick<Db, "ledgerEntry">, orderId: number) {
  const entries = await db.ledgerEntry.findMany({
    where: { orderId, kind: { in: ["charge", ...REFUND_KINDS] } },
    select: { kind: true, amount: true },
  });
  const charged = entries.filter((e) => e.kind === "charge").reduce((sum, e) => sum.minus(e.amount.toFixed()), new Decimal(0));
  const refunded = entries.filter((e) => e.kind !== "charge").reduce((sum, e) => sum.plus(e.amount.toFixed()), new Decimal(0));
  return { charged, refunded, left: Decimal.max(charged.minus(refunded), 0), manualDone: entries.some((e) => e.kind === "refund_manual") };
}

/** `input` parsed by ZManualRefundInput at the boundary; `actorId` null: the operator CLI. */
export async function refundOrderManually(db: Db, input: ManualRefundInput, actorId: number | null): Promise<ManualRefundResult> {
  const { orderId, reason } = input;
  const amount = new Decimal(input.amount);
  return moneyTransaction(db, async (tx): Promise<ManualRefundResult> => {
    // The order row first, as every refund path takes it: refunds of one order queue here.
    const [order] = await tx.$queryRaw<{ userId: number; state: string }[]>`
      SELECT "userId", "state"::text AS state FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
    if (!order) return fail("not_found", `No order ${orderId}.`);
    if (!(MANUAL_REFUND_STATES as readonly string[]).includes(order.state)) {
      const why = order.state === "failed" || order.state === "canceled" ? "it was refunded in full already" : "it is not finished yet; an automatic refund may still come";
      return fail("not_refundable", `Order ${orderId} is ${order.state.replace("_", " ")}: ${why}.`, { data: { state: order.state } });
    }
    const money = await refundableOf(tx, orderId);
    if (money.manualDone) return fail("already_refunded", `Order ${orderId} already has a manual refund; an order gets one.`);
    if (amount.gt(money.left)) {
      const message = `At most ${toLedgerString(money.left)} is left to refund (charged ${toLedgerString(money.charged)}, refunded ${toLedgerString(money.refunded)}).`;
      return fieldRefusal("refund_exceeds_charge", "amount", message, message, { left: toLedgerString(money.left) });
    }
    const balance = await applyBalanceChange(tx, { customerId: order.userId, kind: "refund_manual", amount, orderId, reason, actorId });
    if (!balance) throw new Error(`Manual refund for order ${orderId} could not be applied`);
    await tx.orderEvent.create({ data: { orderId, type: "refund", message: `manual refund of ${toLedgerString(amount)}: ${reason}`.slice(0, 2000) } });
    await recordAudit(tx, {
      actorId, action: "order.refund_manual", entityType: "Order", entityId: orderId, reason,
      before: { refunded: toLedgerString(money.refunded), left: toLedgerString(money.left) },
      after: { refunded: toLedgerString(money.refunded.plus(amount)), left: toLedgerString(money.left.minus(amount)), amount: toLedgerString(amount) },
    });
    return { ok: true, refunded: toLedgerString(amount), balance: toLedgerString(balance) };
  });
}
