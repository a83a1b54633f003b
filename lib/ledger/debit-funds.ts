// An admin takes funds from a customer's balance with a reason (a mistaken top-up, a settled
// dispute). Never below zero: the conditional UPDATE in applyBalanceChange refuses it and the
// balance CHECK in the database stops anything that slips past. Audited in the same transaction.
import { z } from "zod";
import type { Db } from "@/lib/db/connection";
import { recordAudit } from "@/lib/audit/record-audit";
import { Decimal, toLedgerString } from "@/lib/money";
import { applyBalanceChange } from "./balance-change";
import { ZMoneyAmount } from "./schemas";
import { moneyTransaction } from "./transaction";
import { fail, fieldRefusal, type Failure } from "@/lib/result";

export const ZDebitFundsInput = z.object({
  customerId: z.coerce.number().int().positive().max(2_147_483_647),
  amount: ZMoneyAmount,
  reason: z.string().trim().min(1, "Say why the funds are deducted.").max(500, "Use at most 500 characters."),
});
export type DebitFundsInput = z.output<typeof ZDebitFundsInput>;

export type DebitFundsResult = { ok: true; balance: string; entryAmount: string } | Failure;

/** `input` parsed by ZDebitFundsInput at the boundary; `actorId` null: the operator CLI. */
export async function debitFunds(db: Db, input: DebitFundsInput, actorId: number | null): Promise<DebitFundsResult> {
  const { customerId, amount, reason } = input;
  const customer = await db.user.findUnique({ where: { id: customerId }, select: { role: true } });
  if (!customer || customer.role !== "customer") return fail("not_found", "No such customer.");
  const debited = new Decimal(amount);
  const balance = await moneyTransaction(db, async (tx) => {
    const after = await applyBalanceChange(tx, { customerId, kind: "debit", amount: debited.negated(), reason, actorId });
    if (!after) return null;
    await recordAudit(tx, {
      actorId, action: "funds.debit", entityType: "User", entityId: customerId, reason,
      before: { balance: toLedgerString(after.plus(debited)) }, after: { balance: toLedgerString(after), amount: toLedgerString(debited.negated()) },
    });
    return after;
  });
  if (!balance) {
    const current = await db.user.findUnique({ where: { id: customerId }, select: { balance: true } });
    const message = `The balance is ${current ? toLedgerString(current.balance) : "0"}: at most that much can be deducted.`;
    return fieldRefusal("balance_too_low", "amount", message);
  }
  return { ok: true, balance: toLedgerString(balance), entryAmount: toLedgerString(debited) };
}
