import type { Db } from "@/lib/db/connection";
import { Decimal, toLedgerString } from "@/lib/money";
import { recordAudit } from "@/lib/audit/record-audit";
import { applyBalanceChange } from "./balance-change";
import { fail, type Failure } from "@/lib/result";
import type { CreditFundsInput } from "./schemas";
import { moneyTransaction } from "./transaction";

export type CreditFundsResult = { ok: true; balance: string; entryAmount: string } | Failure;

/** Adds funds to a customer's balance (staff top-up or a confirmed payment); `input` parsed by ZCreditFundsInput. */
export async function creditFunds(db: Db, input: CreditFundsInput): Promise<CreditFundsResult> {
  const { customerId, amount, reason, actorId } = input;
  const customer = await db.user.findUnique({ where: { id: customerId }, select: { id: true } });
  if (!customer) return fail("not_found", "No such customer.");
  const credited = new Decimal(amount);
  const balance = await moneyTransaction(db, async (tx) => {
    const after = await applyBalanceChange(tx, { customerId, kind: "credit", amount: credited, reason, actorId: actorId ?? null });
    // An operator's credit (an admin, or the CLI with actorId null) is audited; fixtures and the demo pass none.
    if (after && actorId !== undefined) {
      await recordAudit(tx, {
        actorId, action: "funds.credit", entityType: "User", entityId: customerId, reason,
        before: { balance: toLedgerString(after.minus(credited)) }, after: { balance: toLedgerString(after), amount: toLedgerString(credited) },
      });
    }
    return after;
  });
  if (!balance) return fail("update_failed", "The balance could not be updated.");
  return { ok: true, balance: toLedgerString(balance), entryAmount: toLedgerString(credited) };
}
