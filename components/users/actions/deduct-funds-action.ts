"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminMoneyAction, refusalState } from "@/lib/actions/action-client";
import { deductFundsForAdmin } from "@/lib/users/staff-funds";
import { ZDebitFundsInput } from "@/lib/ledger/debit-funds";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { formatMoney } from "@/lib/money";

// The fields have their own names (the credit form beside it uses amount/reason); they are read
// into the ledger's schema, whose field errors name amount and reason as the form shows them.
const ZDeductFundsForm = z.preprocess(
  (form) => {
    const { customerId, deductAmount, deductReason } = (form ?? {}) as Record<string, unknown>;
    return { customerId, amount: deductAmount ?? "", reason: deductReason ?? "" };
  },
  ZDebitFundsInput,
);

export const deductFundsAction = adminMoneyAction("funds.debit", ZDeductFundsForm, async (input, actor) => {
  const result = await deductFundsForAdmin(await getDb(), actor, input);
  if (!result.ok) return refusalState(result);
  revalidatePath(`/admin/users/${input.customerId}`);
  revalidatePath("/admin/users");
  revalidatePath("/admin");
  return { ok: true, message: `Deducted ${formatMoney(result.entryAmount, PANEL_CURRENCY)}. Balance now ${formatMoney(result.balance, PANEL_CURRENCY)}.` };
});
