"use server";
import { revalidatePath } from "next/cache";
import { adminMoneyAction, refusalState } from "@/lib/actions/action-client";
import { ZCreditFundsForm } from "@/lib/users/schemas";
import { creditFundsForAdmin } from "@/lib/users/staff-funds";
import { PANEL_CURRENCY } from "@/lib/currency";
import { getDb } from "@/lib/db/client";
import { formatMoney } from "@/lib/money/format";

export const creditFundsAction = adminMoneyAction("funds.credit", ZCreditFundsForm, async (input, actor) => {
  const result = await creditFundsForAdmin(await getDb(), actor, input);
  if (!result.ok) return refusalState(result);
  revalidatePath(`/admin/users/${input.customerId}`);
  revalidatePath("/admin/users");
  revalidatePath("/admin");
  return { ok: true, message: `Added ${formatMoney(result.entryAmount, PANEL_CURRENCY)}. Balance now ${formatMoney(result.balance, PANEL_CURRENCY)}.` };
});
