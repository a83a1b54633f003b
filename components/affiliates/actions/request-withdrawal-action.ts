"use server";
import { revalidatePath } from "next/cache";
import { refusalState, userAction } from "@/lib/actions/action-client";
import { requestWithdrawal } from "@/lib/affiliates/payouts";
import { ZWithdrawalInput } from "@/lib/affiliates/schemas";
import { getDb } from "@/lib/db/client";
import { PANEL_CURRENCY } from "@/lib/currency";
import { formatMoney } from "@/lib/money";

export const requestWithdrawalAction = userAction(ZWithdrawalInput, async (input, user) => {
  const result = await requestWithdrawal(await getDb(), user.id, input);
  if (!result.ok) return refusalState(result);
  revalidatePath("/affiliates");
  return { ok: true, message: `Withdrawal of ${formatMoney(result.amount, PANEL_CURRENCY)} requested: staff will send it and mark it paid.` };
});
