// An admin adds funds to a customer's balance or deducts from it (never below zero), with the
// admin as the ledger entry's actor: the staff-facing gate in front of lib/ledger's functions.
import "server-only";
import type { Db } from "@/lib/db/connection";
import { adminRefusal, type StaffActor } from "@/lib/admin/authorize";
import { creditFunds, type CreditFundsResult } from "@/lib/ledger/credit-funds";
import { debitFunds, type DebitFundsInput, type DebitFundsResult } from "@/lib/ledger/debit-funds";
import { fail } from "@/lib/result";
import type { CreditFundsForm } from "./schemas";

/** Adds funds to a customer's balance, written to the ledger with the admin as actor. */
export async function creditFundsForAdmin(db: Db, actor: StaffActor, input: CreditFundsForm): Promise<CreditFundsResult> {
  const refused = adminRefusal(actor);
  if (refused) return refused;
  const target = await db.user.findUnique({ where: { id: input.customerId }, select: { role: true } });
  if (!target) return fail("not_found", "No such customer.");
  // Staff balances are not money we owe anyone; an admin topping up staff (or themselves) is refused.
  if (target.role !== "customer") return fail("not_a_customer", "Funds can only be added to customer accounts.");
  return creditFunds(db, { ...input, actorId: actor.id });
}

export async function deductFundsForAdmin(db: Db, actor: StaffActor, input: DebitFundsInput): Promise<DebitFundsResult> {
  return adminRefusal(actor) ?? debitFunds(db, input, actor.id);
}
